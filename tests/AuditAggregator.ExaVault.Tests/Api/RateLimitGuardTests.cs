using System.Net;
using AuditAggregator.ExaVault.Internal;

namespace AuditAggregator.ExaVault.Tests.Api;

public class RateLimitGuardTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5000, 0)]
    [InlineData(1000, 0)]
    [InlineData(999, 6)]
    [InlineData(550, 2500)]
    [InlineData(100, 5000)]
    public void DelayBeforeNextRequest_BetweenThresholds_GrowsLinearlyToTheFullDelay(long remaining, int expectedMilliseconds)
    {
        var guard = Guard(remaining);

        var delay = guard.DelayBeforeNextRequest(Now);

        Assert.NotNull(delay);
        Assert.Equal(expectedMilliseconds, delay.Value.TotalMilliseconds, precision: 0);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1)]
    [InlineData(0)]
    public void DelayBeforeNextRequest_BelowStopThreshold_Stops(long remaining) =>
        Assert.Null(Guard(remaining).DelayBeforeNextRequest(Now));

    [Fact]
    public void DelayBeforeNextRequest_NothingObserved_SendsAtOnce() =>
        Assert.Equal(TimeSpan.Zero, new RateLimitGuard(1000, 100, TimeSpan.FromSeconds(5)).DelayBeforeNextRequest(Now));

    [Fact]
    public void DelayBeforeNextRequest_CountOlderThanTrustPeriod_SendsAtOnce()
    {
        var guard = Guard(0);

        Assert.Null(guard.DelayBeforeNextRequest(Now + RateLimitGuard.TrustFor - TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.Zero, guard.DelayBeforeNextRequest(Now + RateLimitGuard.TrustFor));
    }

    [Fact]
    public void Observe_HeadersMissingOrUnreadable_KeepsLastState()
    {
        var guard = Guard(700);
        using var bare = new HttpResponseMessage(HttpStatusCode.OK);
        using var garbled = new HttpResponseMessage(HttpStatusCode.OK);
        garbled.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "lots");

        guard.Observe(bare.Headers, Now.AddMinutes(1));
        guard.Observe(garbled.Headers, Now.AddMinutes(2));

        Assert.Equal(new ExaVaultRateLimitState(50_000, 700, Now), guard.Current);
    }

    [Fact]
    public void Observe_RemainingWithoutLimit_KeepsTheLastLimit()
    {
        var guard = Guard(700);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Remaining", "699");

        guard.Observe(response.Headers, Now.AddSeconds(1));

        Assert.Equal(new ExaVaultRateLimitState(50_000, 699, Now.AddSeconds(1)), guard.Current);
    }

    [Fact]
    public void Observe_HigherCountMomentsLater_TakenForAnOvertakenResponse()
    {
        var guard = Guard(700);

        guard.Observe(Headers(701), Now.AddSeconds(1));
        Assert.Equal(700, guard.Current!.Remaining);

        guard.Observe(Headers(650), Now.AddSeconds(2));
        Assert.Equal(650, guard.Current!.Remaining);

        guard.Observe(Headers(900), Now.AddSeconds(2) + RateLimitGuard.OutOfOrderWindow);
        Assert.Equal(900, guard.Current!.Remaining);
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(long remaining)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.Headers;
    }

    private static RateLimitGuard Guard(long remaining)
    {
        var guard = new RateLimitGuard(slowDownBelow: 1000, stopBelow: 100, maxDelay: TimeSpan.FromSeconds(5));
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Limit", "50000");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        guard.Observe(response.Headers, Now);
        return guard;
    }
}
