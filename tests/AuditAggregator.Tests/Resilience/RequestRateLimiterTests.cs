using AuditAggregator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.Tests.Resilience;

public class RequestRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_EleventhRequestInOneSecond_WaitsForTheWindow()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RequestRateLimiter(10, time);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, await limiter.WaitAsync());
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var eleventh = limiter.WaitAsync().AsTask();
        Assert.False(eleventh.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(eleventh.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.FromMilliseconds(500), await eleventh.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitAsync_SpreadOverTime_NeverWaits()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RequestRateLimiter(2, time);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, await limiter.WaitAsync());
            time.Advance(TimeSpan.FromMilliseconds(500));
        }
    }
}
