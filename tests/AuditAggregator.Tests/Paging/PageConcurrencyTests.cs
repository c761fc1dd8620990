using AuditAggregator.Paging;
using AuditAggregator.Resilience;

namespace AuditAggregator.Tests.Paging;

public class PageConcurrencyTests
{
    [Fact]
    public void Throttled_HalvesAtOnceButNeverBelowOne()
    {
        var concurrency = new PageConcurrency(8);

        concurrency.Throttled();
        Assert.Equal(4, concurrency.Current);
        concurrency.Throttled();
        concurrency.Throttled();
        concurrency.Throttled();
        Assert.Equal(1, concurrency.Current);
    }

    [Fact]
    public void Succeeded_FourTimesTheLimitInARow_RaisesByOneUpToMax()
    {
        var concurrency = new PageConcurrency(3);
        concurrency.LowerTo(1);

        for (var i = 0; i < 3; i++)
        {
            concurrency.Succeeded();
        }

        Assert.Equal(1, concurrency.Current);
        concurrency.Succeeded();
        Assert.Equal(2, concurrency.Current);
        for (var i = 0; i < 100; i++)
        {
            concurrency.Succeeded();
        }

        Assert.Equal(3, concurrency.Current);
    }

    [Fact]
    public async Task SourceResilience_RetriedAfter429_HalvesTheSourcesConcurrency()
    {
        var resilience = new SourceResilience("docspace", new SourceResilienceOptions { MaxConcurrentRequests = 8, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) }, TimeProvider.System);
        var attempts = 0;

        await resilience.ExecuteAsync<int>(_ => ++attempts == 1
            ? throw new AuditSourceException("docspace", AuditErrorKind.RateLimited, "throttled", 429, retryAfter: TimeSpan.Zero)
            : ValueTask.FromResult(1));

        Assert.Equal(4, resilience.Concurrency.Current);
    }

    [Fact]
    public async Task SourceResilience_RetriedAfter503_LeavesTheConcurrency()
    {
        var resilience = new SourceResilience("docspace", new SourceResilienceOptions { MaxConcurrentRequests = 8, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) }, TimeProvider.System);
        var attempts = 0;

        await resilience.ExecuteAsync<int>(_ => ++attempts == 1
            ? throw new AuditSourceException("docspace", AuditErrorKind.Server, "unavailable", 503)
            : ValueTask.FromResult(1));

        Assert.Equal(8, resilience.Concurrency.Current);
    }
}
