using System.Diagnostics;
using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>Answers slower than the adapter's <c>AttemptTimeout</c>: the attempt is abandoned and retried.</summary>
public sealed class SlowResponseTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_AnswersSlowerThanAttemptTimeout_RetriesAndDeliversWindowOnce(Vendor vendor)
    {
        var attemptTimeout = TimeSpan.FromSeconds(1);
        var slow = SimulatedFault.Slow(TimeSpan.FromSeconds(20));
        await using var harness = await FaultHarness.StartAsync(o => o.Resilience = r => r.AttemptTimeout = attemptTimeout);
        await harness.WarmUpAsync();
        var probe = harness.Probe(vendor);
        probe.InjectAt(3, slow, slow);
        probe.InjectAt(7, slow);
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var clock = Stopwatch.StartNew();
        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));
        clock.Stop();

        Delivery.AssertExactlyOnce(output, "slower than AttemptTimeout (20 s answers, 1 s timeout; 2 in a row, then 1)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        output.WriteLine($"read took {clock.ElapsedMilliseconds} ms");
        foreach (var sent in probe.Sent.Where(s => s.Failure is not null || s.StatusCode != 200))
        {
            output.WriteLine($"request {sent.Number} {sent.Uri.PathAndQuery}: {sent.Failure ?? sent.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)} after {System.Diagnostics.Stopwatch.GetElapsedTime(sent.Sent, sent.Answered).TotalMilliseconds:0} ms");
        }

        Assert.Equal(3, probe.FaultsServed);

        // Each slow answer timed out and was retried (a busy machine may time out a normal page too: at least 3).
        var timedOut = probe.Sent.Count(s => s.Failure is not null);
        Assert.InRange(timedOut, 3, 6);
        Assert.Equal(timedOut, RetryLog.Of(harness.Logs.Lines, FaultHarness.SourceName(vendor)).Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the read took {clock.Elapsed}: a slow answer was waited for instead of timed out");
    }

    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_EveryAttemptSlow_FailsAsNetworkErrorNamingSource(Vendor vendor)
    {
        var slow = SimulatedFault.Slow(TimeSpan.FromSeconds(20));
        await using var harness = await FaultHarness.StartAsync(o => o.Resilience = r =>
        {
            r.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            r.MaxRetryAttempts = 2;
        });
        await harness.WarmUpAsync();
        
        // Enough for one page to fail all three attempts even when ExaVault's two logs share the faults.
        harness.Probe(vendor).InjectAt(2, [.. Enumerable.Repeat(slow, 8)]);

        var error = await Assert.ThrowsAsync<AuditSourceException>(() => Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window)));

        output.WriteLine(error.Message);
        Assert.Equal(FaultHarness.SourceName(vendor), error.SourceName);
        Assert.Equal(AuditErrorKind.Network, error.Kind);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }
}
