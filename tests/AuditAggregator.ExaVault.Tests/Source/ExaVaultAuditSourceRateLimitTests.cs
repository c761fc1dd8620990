using System.Globalization;
using System.Net;
using System.Text;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.ExaVault.Tests.Support;

namespace AuditAggregator.ExaVault.Tests.Source;

/// <summary>
/// The source's allowance guard (slow down, then stop, as <c>X-RateLimit-Remaining</c> falls) and its client-side rate.
/// </summary>
public class ExaVaultAuditSourceRateLimitTests
{
    private static readonly AuditQuery Sessions = AuditQuery.All with { Streams = [ExaVaultSourceNames.SessionStream] };

    [Fact]
    public async Task RateLimit_AfterEachResponse_ExposesLimitRemainingAndTime()
    {
        using var account = new TestAccount();
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 41_000));
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 40_999));
        Assert.Null(account.Source.RateLimit);

        await account.DrainAsync(Sessions);
        Assert.Equal(new ExaVaultRateLimitState(50_000, 41_000, account.Time.GetUtcNow()), account.Source.RateLimit);

        await account.DrainAsync(AuditQuery.All with { Streams = [ExaVaultSourceNames.WebhookStream] });
        Assert.Equal(40_999, account.Source.RateLimit!.Remaining);
    }

    [Fact]
    public async Task RateLimit_ErrorResponse_AlsoObserved()
    {
        using var account = new TestAccount(o => o.Resilience.MaxRetryAttempts = 0);
        account.Http.Respond(_ => Error(HttpStatusCode.InternalServerError, limit: 50_000, remaining: 30_000));

        await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(30_000, account.Source.RateLimit!.Remaining);
    }

    [Fact]
    public async Task ReadAsync_RemainingBelowStopThreshold_StopsBeforeSending()
    {
        using var account = new TestAccount(o => o.StopBelow = 100);
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 99));
        await account.DrainAsync(Sessions);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.RateLimited, ex.Kind);
        Assert.Equal(ExaVaultSourceNames.Source, ex.SourceName);
        Assert.Contains("99 of the account's 50000 daily requests remain, fewer than StopBelow (100)", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.StatusCode);
        Assert.Single(account.Http.Requests);
        Assert.Contains(account.Logs.Lines, l => l.Contains("no more requests are sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_429ExhaustedAllowance_StopsInsteadOfRetrying()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => Error(HttpStatusCode.TooManyRequests, limit: 50_000, remaining: 0));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.RateLimited, ex.Kind);
        Assert.Contains("StopBelow", ex.Message, StringComparison.Ordinal);
        Assert.Single(account.Http.Requests);
    }

    [Fact]
    public async Task ReadAsync_RemainingNearingStop_SlowsDownMoreAndMore()
    {
        using var account = new TestAccount(o =>
        {
            o.SlowDownBelow = 1000;
            o.StopBelow = 100;
            o.MaxSlowDownDelay = TimeSpan.FromSeconds(5);
        });
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 5000));
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 550));
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 100));
        account.Http.Respond(_ => Page(limit: 50_000, remaining: 99));

        for (var i = 0; i < 4; i++)
        {
            await account.DrainAsync(Sessions);
        }

        Assert.Equal([TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5)], account.Time.Waits);
        Assert.Equal(2, account.Logs.Lines.Count(l => l.Contains("waiting", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));
        Assert.Equal(4, account.Http.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_ManyReadsAtOnce_AtMostTenStartsPerSecond()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => Page(limit: 50_000, remaining: 40_000));
        var start = account.Time.GetUtcNow();

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => account.DrainAsync(Sessions)));

        // The 11th and the 21st start each wait for the second after the first ten of theirs.
        Assert.Equal(25, account.Http.Requests.Count);
        Assert.True(account.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(2), $"25 starts took {account.Time.GetUtcNow() - start}");
        Assert.True(account.Time.GetUtcNow() - start < TimeSpan.FromSeconds(3), $"25 starts took {account.Time.GetUtcNow() - start}");
    }

    private static HttpResponseMessage Page(long limit, long remaining) =>
        WithHeaders(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ExaVaultJson.Page(), Encoding.UTF8, "application/json") }, limit, remaining);

    private static HttpResponseMessage Error(HttpStatusCode status, long limit, long remaining) =>
        WithHeaders(new HttpResponseMessage(status) { Content = new StringContent(ExaVaultJson.Error((int)status, "ERROR", "x"), Encoding.UTF8, "application/json") }, limit, remaining);

    private static HttpResponseMessage WithHeaders(HttpResponseMessage response, long limit, long remaining)
    {
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
