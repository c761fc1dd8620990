using AuditAggregator.Resilience;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.Tests.Resilience;

public class SourceResilienceTests
{
    // The attempt timeout is past the clock's auto-advance, so that backoff passes at once and timeouts never fire.
    private static SourceResilienceOptions Options() => new() { MaxRetryAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), MaxRetryAfter = TimeSpan.FromSeconds(60), AttemptTimeout = TimeSpan.FromMinutes(10) };

    private static FakeClock Clock() => new() { AutoAdvanceBelow = TimeSpan.FromMinutes(5) };

    private static AuditSourceException Fault(AuditErrorKind kind, int status, TimeSpan? retryAfter = null) =>
        new("docspace", kind, "fault", status, retryAfter: retryAfter);

    [Fact]
    public async Task ExecuteAsync_TransientFailures_RetriedUntilSuccess()
    {
        var time = Clock();
        var retries = new List<SourceRetry>();
        var pipeline = new SourceResilience("docspace", Options(), time, onRetry: retries.Add);
        var attempts = 0;

        var result = await pipeline.ExecuteAsync(ct =>
        {
            attempts++;
            return attempts switch
            {
                1 => throw Fault(AuditErrorKind.Server, 503),
                2 => throw new HttpRequestException("connection reset"),
                3 => throw Fault(AuditErrorKind.MalformedResponse, 200),
                _ => ValueTask.FromResult(42),
            };
        });

        Assert.Equal(42, result);
        Assert.Equal(4, attempts);
        Assert.Equal([2, 3, 4], retries.Select(r => r.Attempt));
        // Each backoff passed on the fake clock (Task.Delay waits whole milliseconds).
        Assert.Equal(retries.Select(r => (long)r.Delay.TotalMilliseconds), time.Waits.Select(w => (long)w.TotalMilliseconds));
    }

    [Theory]
    [InlineData(AuditErrorKind.BadRequest, 400)]
    [InlineData(AuditErrorKind.Authentication, 401)]
    [InlineData(AuditErrorKind.Plan, 402)]
    [InlineData(AuditErrorKind.Authorization, 403)]
    public async Task ExecuteAsync_PermanentFailure_NotRetried(AuditErrorKind kind, int status)
    {
        var pipeline = new SourceResilience("docspace", Options(), Clock());
        var attempts = 0;

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => pipeline.ExecuteAsync<int>(ct =>
        {
            attempts++;
            throw Fault(kind, status);
        }).AsTask());

        Assert.Equal(1, attempts);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfter_HonouredAndCapped()
    {
        var time = Clock();
        var retries = new List<SourceRetry>();
        var pipeline = new SourceResilience("docspace", Options(), time, onRetry: retries.Add);
        var attempts = 0;

        await pipeline.ExecuteAsync(ct =>
        {
            attempts++;
            return attempts switch
            {
                1 => throw Fault(AuditErrorKind.RateLimited, 429, TimeSpan.FromSeconds(7)),
                2 => throw Fault(AuditErrorKind.RateLimited, 429, TimeSpan.FromHours(5)),
                _ => ValueTask.FromResult(true),
            };
        });

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(60)], retries.Select(r => r.Delay));
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(60)], time.Waits);
        Assert.All(retries, r => Assert.True(r.IsThrottle));
    }

    [Fact]
    public async Task ExecuteAsync_EveryAttemptFails_ThrowsTheLastSourceException()
    {
        var pipeline = new SourceResilience("docspace", Options(), Clock());
        var attempts = 0;

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => pipeline.ExecuteAsync<int>(ct =>
        {
            attempts++;
            throw Fault(AuditErrorKind.Server, 503);
        }).AsTask());

        Assert.Equal(5, attempts);
        Assert.Equal(503, ex.StatusCode);
    }

    [Fact]
    public async Task ExecuteAsync_NetworkErrorOnLastAttempt_WrappedWithSourceName()
    {
        var options = Options();
        options.MaxRetryAttempts = 0;
        var pipeline = new SourceResilience("exavault", options, new FakeTimeProvider());

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => pipeline.ExecuteAsync<int>(ct =>
            throw new HttpRequestException("Connection refused (127.0.0.1:1)")).AsTask());

        Assert.Equal("exavault", ex.SourceName);
        Assert.Equal(AuditErrorKind.Network, ex.Kind);
    }

    [Fact]
    public async Task ExecuteAsync_AttemptSlowerThanTimeout_RetriedThenReportedAsTimeout()
    {
        var options = Options();
        options.MaxRetryAttempts = 1;
        options.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        options.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.MaxDelay = TimeSpan.FromMilliseconds(1);
        var pipeline = new SourceResilience("docspace", options, TimeProvider.System);
        var attempts = 0;

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => pipeline.ExecuteAsync<int>(async ct =>
        {
            attempts++;
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }).AsTask());

        Assert.Equal(2, attempts);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var pipeline = new SourceResilience("docspace", Options(), new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ExecuteAsync(ct => ValueTask.FromResult(1), cts.Token).AsTask());
    }

    [Fact]
    public async Task ExecuteAsync_RateLimit_BelongsToTheInstance()
    {
        var options = Options();
        options.MaxRequestsPerSecond = 2;
        var time = new FakeTimeProvider();
        var first = new SourceResilience("docspace", options, time);
        var second = new SourceResilience("docspace", options, time);

        await first.ExecuteAsync(ct => ValueTask.FromResult(1));
        await first.ExecuteAsync(ct => ValueTask.FromResult(2));
        var third = first.ExecuteAsync(ct => ValueTask.FromResult(3)).AsTask();
        var other = await second.ExecuteAsync(ct => ValueTask.FromResult(4));

        Assert.Equal(4, other);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await third);
    }
}
