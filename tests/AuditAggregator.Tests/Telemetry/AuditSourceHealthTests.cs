using AuditAggregator.Resilience;
using AuditAggregator.Telemetry;
using AuditAggregator.Testing;

namespace AuditAggregator.Tests.Telemetry;

public class AuditSourceHealthTests
{
    private static SourceResilienceOptions Options() => new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };

    // Backoff (at most the 2 s Retry-After) passes at once; the 30 s attempt timeout never fires.
    private static FakeClock Clock() => new() { AutoAdvanceBelow = TimeSpan.FromSeconds(10) };

    private static List<SourceHealthState> Watch(AuditSourceHealth health)
    {
        var states = new List<SourceHealthState>();
        health.Changed += (_, h) =>
        {
            lock (states)
            {
                states.Add(h.State);
            }
        };
        return states;
    }

    [Fact]
    public async Task ExecuteAsync_ThrottledThenServed_ReportsThrottledNotFailedThenHealthy()
    {
        var resilience = new SourceResilience("docspace", Options(), Clock());
        var states = Watch(resilience.Health);
        var attempts = 0;

        await resilience.ExecuteAsync(ct => ++attempts == 1
            ? throw new AuditSourceException("docspace", AuditErrorKind.RateLimited, "throttled", 429, retryAfter: TimeSpan.FromSeconds(2))
            : ValueTask.FromResult(1));

        Assert.Equal([SourceHealthState.Throttled, SourceHealthState.Healthy], states);
        Assert.Equal(SourceHealthState.Healthy, resilience.Health.Current.State);
    }

    [Fact]
    public async Task ExecuteAsync_RevokedCredential_ReportsFailedWithTheReason()
    {
        var resilience = new SourceResilience("docspace", Options(), Clock());
        var states = Watch(resilience.Health);

        await Assert.ThrowsAsync<AuditSourceException>(() => resilience.ExecuteAsync<int>(ct =>
            throw new AuditSourceException("docspace", AuditErrorKind.Authentication, "The credential was rejected.", 401)).AsTask());

        Assert.Equal([SourceHealthState.Failed], states);
        var health = resilience.Health.Current;
        Assert.Equal(SourceHealthState.Failed, health.State);
        Assert.Equal("docspace", health.SourceName);
        Assert.Contains("HTTP 401", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ServerErrorsThenSuccess_ReportsRetryingThenHealthy()
    {
        var resilience = new SourceResilience("docspace", Options(), Clock());
        var states = Watch(resilience.Health);
        var attempts = 0;

        await resilience.ExecuteAsync(ct => ++attempts < 3
            ? throw new HttpRequestException("connection reset")
            : ValueTask.FromResult(1));

        Assert.Equal([SourceHealthState.Retrying, SourceHealthState.Retrying, SourceHealthState.Healthy], states);
    }

    [Fact]
    public async Task ExecuteAsync_TwoSourcesWithTheSameName_KeepTheirOwnHealth()
    {
        var failing = new SourceResilience("docspace", Options(), Clock());
        var healthy = new SourceResilience("docspace", Options(), Clock());

        await Assert.ThrowsAsync<AuditSourceException>(() => failing.ExecuteAsync<int>(ct =>
            throw new AuditSourceException("docspace", AuditErrorKind.Authentication, "rejected", 401)).AsTask());
        await healthy.ExecuteAsync(ct => ValueTask.FromResult(1));

        Assert.Equal(SourceHealthState.Failed, failing.Health.Current.State);
        Assert.Equal(SourceHealthState.Healthy, healthy.Health.Current.State);
    }

    [Fact]
    public void Current_NothingReported_IsHealthy()
    {
        Assert.Equal(SourceHealthState.Healthy, new AuditSourceHealth("exavault", TimeProvider.System).Current.State);
    }
}
