using AuditAggregator.Resilience;
using AuditAggregator.Telemetry;
using AuditAggregator.Testing;

namespace AuditAggregator.Tests.Telemetry;

public class AuditSourceHealthTests
{
    private static SourceResilienceOptions Options() => new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };

    private static List<SourceHealthState> Watch(string source)
    {
        var states = new List<SourceHealthState>();
        AuditSourceHealth.Changed += (_, h) =>
        {
            if (h.SourceName == source)
            {
                lock (states)
                {
                    states.Add(h.State);
                }
            }
        };
        return states;
    }

    [Fact]
    public async Task ExecuteAsync_ThrottledThenServed_ReportsThrottledNotFailedThenHealthy()
    {
        var source = $"health-{Guid.NewGuid():N}";
        var states = Watch(source);
        var pipeline = SourceResilience.Create(source, Options(), new FakeTimeProvider { AutoAdvance = true });
        var attempts = 0;

        await pipeline.ExecuteAsync(source, ct => ++attempts == 1
            ? throw new AuditSourceException(source, AuditErrorKind.RateLimited, "throttled", 429, retryAfter: TimeSpan.FromSeconds(2))
            : ValueTask.FromResult(1));

        Assert.Equal([SourceHealthState.Throttled, SourceHealthState.Healthy], states);
        Assert.Equal(SourceHealthState.Healthy, AuditSourceHealth.Get(source).State);
    }

    [Fact]
    public async Task ExecuteAsync_RevokedCredential_ReportsFailedWithTheReason()
    {
        var source = $"health-{Guid.NewGuid():N}";
        var states = Watch(source);
        var pipeline = SourceResilience.Create(source, Options(), new FakeTimeProvider { AutoAdvance = true });

        await Assert.ThrowsAsync<AuditSourceException>(() => pipeline.ExecuteAsync<int>(source, ct =>
            throw new AuditSourceException(source, AuditErrorKind.Authentication, "The credential was rejected.", 401)).AsTask());

        Assert.Equal([SourceHealthState.Failed], states);
        var health = AuditSourceHealth.Get(source);
        Assert.Equal(SourceHealthState.Failed, health.State);
        Assert.Contains("HTTP 401", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ServerErrorsThenSuccess_ReportsRetryingThenHealthy()
    {
        var source = $"health-{Guid.NewGuid():N}";
        var states = Watch(source);
        var pipeline = SourceResilience.Create(source, Options(), new FakeTimeProvider { AutoAdvance = true });
        var attempts = 0;

        await pipeline.ExecuteAsync(source, ct => ++attempts < 3
            ? throw new HttpRequestException("connection reset")
            : ValueTask.FromResult(1));

        Assert.Equal([SourceHealthState.Retrying, SourceHealthState.Retrying, SourceHealthState.Healthy], states);
    }

    [Fact]
    public void Get_UnknownSource_IsHealthy()
    {
        Assert.Equal(SourceHealthState.Healthy, AuditSourceHealth.Get($"never-{Guid.NewGuid():N}").State);
    }
}
