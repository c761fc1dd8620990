using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>Bursts of 5xx mid-read (a proxy's HTML 503, the vendor's JSON 503 and 500): retried, the window delivered once.</summary>
public sealed class ServerErrorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_BurstsOf503_RetriesAndDeliversWindowOnce(Vendor vendor)
    {
        // ExaVault reads two logs at once, so while one waits out the first burst the other can take the requests
        // between the bursts, and one page's call then meets all nine faults: allow that many retries, since this
        // test is about delivery through the bursts (the retry limit has the test below).
        await using var harness = await FaultHarness.StartAsync(o => o.Resilience = r => r.MaxRetryAttempts = 10);
        var probe = harness.Probe(vendor);
        var html503 = SimulatedFault.ServerError(503);
        var json503 = SimulatedFault.ServerError(503, htmlBody: false);
        probe.InjectAt(2, html503, html503, html503, html503, html503);
        probe.InjectAt(9, json503, json503, SimulatedFault.ServerError(500), json503);
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "bursts of 503 (5 HTML, then 3 JSON + one 500)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        Assert.Equal(9, probe.Sent.Count(s => s.StatusCode >= 500));
        Assert.Equal(9, RetryLog.Of(harness.Logs.Lines, FaultHarness.SourceName(vendor)).Count);
    }

    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_503BurstLongerThanRetries_FailsNamingSourceAndStatus(Vendor vendor)
    {
        await using var harness = await FaultHarness.StartAsync(o => o.Resilience = r => r.MaxRetryAttempts = 2);
        var probe = harness.Probe(vendor);
        probe.InjectAt(3, [.. Enumerable.Repeat(SimulatedFault.ServerError(503, htmlBody: false), 6)]);

        var error = await Assert.ThrowsAsync<AuditSourceException>(() => Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window)));

        output.WriteLine(error.Message);
        Assert.Equal(FaultHarness.SourceName(vendor), error.SourceName);
        Assert.Equal(AuditErrorKind.Server, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.StartsWith(FaultHarness.SourceName(vendor) + ": HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
