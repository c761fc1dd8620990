using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>429 answers mid-read, with and without <c>Retry-After</c>: the window is still delivered exactly once.</summary>
public sealed class ThrottlingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_429WithRetryAfter_WaitsAsToldAndDeliversWindowOnce(Vendor vendor)
    {
        // Retry-After: 1 is honoured as given; Retry-After: 5 is cut to MaxRetryAfter (1.5 s). Backoff alone would wait <= 20 ms.
        await using var harness = await FaultHarness.StartAsync(o => o.Resilience = r => r.MaxRetryAfter = TimeSpan.FromSeconds(1.5));
        var probe = harness.Probe(vendor);
        probe.InjectAt(3, SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        probe.InjectAt(7, SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(5)));
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "429 with Retry-After (1 s, and 5 s capped to 1.5 s)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        var gaps = Gaps.BeforeRetryOf(probe, 429);
        var retries = RetryLog.Of(harness.Logs.Lines, FaultHarness.SourceName(vendor));
        output.WriteLine($"measured waits before the retries: {string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:0} ms"))}; logged delays: {string.Join(", ", retries.Select(r => r.Delay))}");
        Assert.Equal(2, gaps.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)], retries.Select(r => r.Delay));
        Assert.True(gaps[0] >= TimeSpan.FromMilliseconds(980), $"retried after {gaps[0].TotalMilliseconds:0} ms, before Retry-After: 1 elapsed");
        Assert.True(gaps[1] >= TimeSpan.FromMilliseconds(1480), $"retried after {gaps[1].TotalMilliseconds:0} ms, before the capped 1.5 s elapsed");
        Assert.True(gaps[1] < TimeSpan.FromSeconds(4.5), $"waited {gaps[1].TotalMilliseconds:0} ms: the cap on Retry-After was ignored");
        Assert.All(retries, r => Assert.Contains("429", r.Cause, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_429WithoutRetryAfter_BacksOffBrieflyAndDeliversWindowOnce(Vendor vendor)
    {
        await using var harness = await FaultHarness.StartAsync();
        var probe = harness.Probe(vendor);
        probe.InjectAt(2, SimulatedFault.TooManyRequests(), SimulatedFault.TooManyRequests(), SimulatedFault.TooManyRequests());
        probe.InjectAt(8, SimulatedFault.TooManyRequests());
        var expected = harness.Expected(vendor, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "429 without Retry-After (3 in a row, then 1)", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], probe);
        var retries = RetryLog.Of(harness.Logs.Lines, FaultHarness.SourceName(vendor));
        output.WriteLine($"logged delays: {string.Join(", ", retries.Select(r => r.Delay))}");
        Assert.Equal(4, retries.Count);
        Assert.Equal(4, probe.Sent.Count(s => s.StatusCode == 429));

        // No Retry-After: jittered exponential backoff from BaseDelay (2 ms), capped at MaxDelay (20 ms), never the Retry-After cap.
        Assert.All(retries, r => Assert.InRange(r.Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(20)));
    }
}
