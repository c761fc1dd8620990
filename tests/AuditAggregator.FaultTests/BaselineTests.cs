using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>The fault-free read every fault test is compared with: the expected sets are large and span several pages.</summary>
public sealed class BaselineTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_NoFaults_DeliversWindowOverSeveralPages(Vendor vendor)
    {
        await using var harness = await FaultHarness.StartAsync();
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "none (baseline)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], harness.Probe(vendor));
        Assert.True(expected.Count >= 500, $"only {expected.Count} events expected; the fault tests need hundreds");
        Assert.True(harness.Probe(vendor).Count >= 5, $"only {harness.Probe(vendor).Count} requests; the fault tests need several pages");
        Assert.All(harness.Probe(vendor).Sent, s => Assert.Equal(200, s.StatusCode));
    }
}
