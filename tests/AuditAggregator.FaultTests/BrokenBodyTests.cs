using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>Bodies that break mid-page: a connection reset after half the body, and a body cut cleanly in the middle of the JSON.</summary>
public sealed class BrokenBodyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_ConnectionResetMidBody_RetriesPageAndDeliversWindowOnce(Vendor vendor)
    {
        await using var harness = await FaultHarness.StartAsync();
        var probe = harness.Probe(vendor);
        probe.InjectAt(3, SimulatedFault.DropConnection(), SimulatedFault.DropConnection());
        probe.InjectAt(8, SimulatedFault.DropConnection());
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "connection reset mid-body (2 in a row, then 1)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        Assert.Equal(3, probe.FaultsServed);
        Assert.Equal(3, RetryLog.Of(harness.Logs.Lines, FaultHarness.SourceName(vendor)).Count);
    }

    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_TruncatedJson_RetriesPageAndDeliversWindowOnce(Vendor vendor)
    {
        await using var harness = await FaultHarness.StartAsync();
        var probe = harness.Probe(vendor);
        probe.InjectAt(2, SimulatedFault.TruncatedBody());
        probe.InjectAt(6, SimulatedFault.TruncatedBody(), SimulatedFault.TruncatedBody(), SimulatedFault.TruncatedBody());
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "truncated JSON (1, then 3 in a row)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        Assert.Equal(4, probe.FaultsServed);
        var retries = RetryLog.Of(harness.Logs.Lines, FaultHarness.SourceName(vendor));
        Assert.Equal(4, retries.Count);
        output.WriteLine($"retry causes: {string.Join(" / ", retries.Select(r => r.Cause).Distinct())}");
    }
}
