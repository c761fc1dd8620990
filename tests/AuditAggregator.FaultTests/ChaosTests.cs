using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>Every fault kind at random, at a high rate, while events keep arriving at the head inside the window.</summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace, 21, 1)]
    [InlineData(Vendor.ExaVault, 22, 1)]
    [InlineData(Vendor.DocSpace, 23, 1)]
    [InlineData(Vendor.ExaVault, 24, 1)]
    [InlineData(Vendor.DocSpace, 25, 8)]
    [InlineData(Vendor.ExaVault, 26, 8)]
    public async Task ReadAsync_RandomFaultsWhileEventsArrive_DeliversAContiguousWindowOnce(Vendor vendor, int seed, int concurrency)
    {
        await using var harness = await FaultHarness.StartAsync(o =>
        {
            o.AppendBeforeEachPage = 5;
            o.Resilience = r =>
            {
                r.AttemptTimeout = TimeSpan.FromSeconds(1);
                r.MaxRetryAttempts = 10;
                r.MaxConcurrentRequests = concurrency;
            };
        });
        await harness.WarmUpAsync();
        var probe = harness.Probe(vendor);
        probe.Plan.SetRandomFaults(
            0.3,
            seed,
            SimulatedFault.ServerError(503),
            SimulatedFault.ServerError(500, htmlBody: false),
            SimulatedFault.TooManyRequests(),
            SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)),
            SimulatedFault.DropConnection(),
            SimulatedFault.TruncatedBody(),
            SimulatedFault.Slow(TimeSpan.FromSeconds(10)));
        var window = FaultHarness.Window with { To = Instant.FromDateTimeOffset(FaultHarness.Now.AddHours(1)) };

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(window));

        // Faulted requests that still ran the server's handler (cut bodies) let events arrive too, so how many
        // arrivals a read sees is not fixed; but what it sees must be the oldest of them, without a gap: the
        // initial window plus the first m arrivals of each log.
        var ids = delivered.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var seen = harness.SimulatedLogs(vendor).ToDictionary(
            log => log.Name,
            log => Enumerable.Range(0, (int)(log.Count - log.InitialCount)).Count(i => ids.Contains(log[log.InitialCount + i].AuditId)));
        var expected = harness.Expected(vendor, window, (log, record) => record.Index < log.InitialCount + seen[log.Name]);
        Delivery.AssertExactlyOnce(output, $"random faults (30%, all kinds, seed {seed}) while 5 events arrive per page", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        output.WriteLine($"arrivals delivered per log: {string.Join(", ", seen.Select(p => $"{p.Key} {p.Value}"))}");
        Assert.True(probe.FaultsServed >= 3, $"only {probe.FaultsServed} faults were served");
        Assert.All(seen.Values, m => Assert.True(m >= 5, "the first page's arrivals were not delivered"));
    }
}
