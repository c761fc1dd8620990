using System.Net;
using System.Text;
using AuditAggregator.ExaVault.Tests.Support;

namespace AuditAggregator.ExaVault.Tests.Source;

/// <summary>
/// Error statuses, malformed and cut-off bodies and network failures, through the source's one retry layer.
/// </summary>
public class ExaVaultAuditSourceErrorTests
{
    private static readonly AuditQuery Sessions = AuditQuery.All with { Streams = [ExaVaultSourceNames.SessionStream] };
    private static readonly AuditQuery Webhooks = AuditQuery.All with { Streams = [ExaVaultSourceNames.WebhookStream] };

    [Fact]
    public async Task ReadAsync_InvalidCredentials_CarriesStatusAndVendorCodeWithoutRetry()
    {
        using var account = new TestAccount();
        account.Http.RespondJson(ExaVaultJson.Fixture("exavault-error.401.json"), HttpStatusCode.Unauthorized);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("ERROR_INVALID_CREDENTIALS", ex.VendorErrorCode);
        Assert.Equal("HTTP_UNAUTHORIZED", ex.VendorMessage);
        Assert.Equal(ExaVaultSourceNames.Source, ex.SourceName);
        Assert.Contains("ERROR_INVALID_CREDENTIALS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("API key or the access token", ex.Message, StringComparison.Ordinal);
        Assert.Single(account.Http.Requests);
        Assert.Equal(Telemetry.SourceHealthState.Failed, account.Source.Health.Current.State);
    }

    [Theory]
    [InlineData(400, AuditErrorKind.BadRequest, "ERROR_INVALID_PARAMETER")]
    [InlineData(401, AuditErrorKind.Authentication, "ERROR_INVALID_CREDENTIALS")]
    [InlineData(403, AuditErrorKind.Authorization, "ERROR_ACCESS_DENIED")]
    [InlineData(404, AuditErrorKind.NotFound, "ERROR_NOT_FOUND")]
    public async Task ReadAsync_ClientError_NotRetried(int status, AuditErrorKind kind, string code)
    {
        using var account = new TestAccount();
        account.Http.Route(_ => Json((HttpStatusCode)status, ExaVaultJson.Error(status, code, "detail")));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Webhooks));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.VendorErrorCode);
        Assert.False(ex.IsTransient);
        Assert.Single(account.Http.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ReadAsync_ServerErrorThenSuccess_Retried(int status)
    {
        using var account = new TestAccount();
        account.Http.Respond(_ => Json((HttpStatusCode)status, ExaVaultJson.Error(status, "ERROR_SERVER", "try later")));
        account.Http.Respond(_ => Json((HttpStatusCode)status, "<html>proxy</html>"));
        account.Http.RespondJson(ExaVaultJson.Page(ExaVaultJson.Session(1, ExaVaultJson.Newest)));

        var events = await account.DrainAsync(Sessions);

        Assert.Single(events);
        Assert.Equal(3, account.Http.Requests.Count);
        Assert.Equal(2, account.Time.Waits.Count);
    }

    [Fact]
    public async Task ReadAsync_429WithoutRetryAfter_BacksOffThenSucceeds()
    {
        using var account = new TestAccount();
        account.Http.Respond(_ => Json(HttpStatusCode.TooManyRequests, ExaVaultJson.Error(429, "ERROR_RATE_LIMIT", "Too many requests")));
        account.Http.RespondJson(ExaVaultJson.Page());

        await account.DrainAsync(Sessions);

        Assert.Equal(2, account.Http.Requests.Count);
        var backoff = Assert.Single(account.Time.Waits);
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task ReadAsync_429WithRetryAfter_WaitsAsAsked()
    {
        using var account = new TestAccount();
        account.Http.Respond(_ =>
        {
            var response = Json(HttpStatusCode.TooManyRequests, ExaVaultJson.Error(429, "ERROR_RATE_LIMIT", "slow down"));
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });
        account.Http.RespondJson(ExaVaultJson.Page());

        await account.DrainAsync(Sessions);

        Assert.Equal([TimeSpan.FromSeconds(7)], account.Time.Waits);
    }

    [Fact]
    public async Task ReadAsync_429Persisting_FailsAsRateLimitedAfterRetries()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => Json(HttpStatusCode.TooManyRequests, ExaVaultJson.Error(429, "ERROR_RATE_LIMIT", "Too many requests")));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.RateLimited, ex.Kind);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(1 + account.Options.Resilience.MaxRetryAttempts, account.Http.Requests.Count);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("{\"data\":\"not a list\"}")]
    [InlineData("{\"data\":[{\"id\":\"twelve\"}]}")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"responseStatus\":200,\"data\":[")]
    public async Task ReadAsync_MalformedBody_ClearMalformedResponseErrorAfterRetries(string body)
    {
        using var account = new TestAccount();
        account.Http.Route(_ => Json(HttpStatusCode.OK, body));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.Equal(200, ex.StatusCode);
        Assert.Matches("response body is (not the documented JSON|null)", ex.Message);
        Assert.DoesNotContain("<html>", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1 + account.Options.Resilience.MaxRetryAttempts, account.Http.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_BodyCutOffHalfway_RetriedAndComplete()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        var page = ExaVaultJson.Page(ExaVaultJson.Session(2, ExaVaultJson.Newest), ExaVaultJson.Session(1, ExaVaultJson.Newest));
        account.Http.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutOffStream(Encoding.UTF8.GetBytes(page), page.Length / 2)) });
        account.Http.Respond(_ => Json(HttpStatusCode.OK, page[..(page.Length / 2)]));
        account.Http.RespondJson(page);

        var events = await account.DrainAsync();

        Assert.Equal(["2", "1"], events.Select(e => e.SourceId));
        Assert.Equal(3, account.Http.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_NullEntry_ClearMalformedErrorNotRetried()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        account.Http.Route(_ => Json(HttpStatusCode.OK, ExaVaultJson.Page(ExaVaultJson.Session(1, ExaVaultJson.Newest), "null")));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync());

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("Entry 2 of a session log page is null", ex.Message, StringComparison.Ordinal);
        Assert.Single(account.Http.Requests);
    }

    [Fact]
    public async Task ReadAsync_ErrorBodyNotJson_StatusAloneWithoutBody()
    {
        using var account = new TestAccount(o => o.Resilience.MaxRetryAttempts = 0);
        account.Http.Route(_ => Json(HttpStatusCode.BadGateway, "<html><body>upstream secret page</body></html>"));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.Server, ex.Kind);
        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.VendorErrorCode);
        Assert.DoesNotContain("upstream", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NetworkFailure_NetworkErrorAfterRetries()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => throw new HttpRequestException("Connection refused (acme.exavault.com:443)"));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        Assert.Equal(AuditErrorKind.Network, ex.Kind);
        Assert.Equal(ExaVaultSourceNames.Source, ex.SourceName);
        Assert.Equal(4, account.Http.Requests.Count);
    }

    [Fact]
    public async Task Errors_VendorEchoesCredentials_NeitherKeyNorTokenAppears()
    {
        using var account = new TestAccount(o => o.Resilience.MaxRetryAttempts = 0);
        var echo = $"bad key {TestAccount.ApiKey} with token {TestAccount.AccessToken}";
        account.Http.Route(_ => Json(HttpStatusCode.Unauthorized, ExaVaultJson.Error(401, "ERROR_INVALID_CREDENTIALS", echo)));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => account.DrainAsync(Sessions));

        foreach (var text in new[] { ex.Message, ex.ToString(), ex.VendorMessage!, string.Join('\n', account.Logs.Lines), account.Options.ToString(), account.Source.Health.Current.ToString() })
        {
            Assert.DoesNotContain(TestAccount.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestAccount.AccessToken, text, StringComparison.Ordinal);
        }

        Assert.Contains("bad key *** with token ***", ex.VendorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_RetriedFailures_NeverShowCredentials()
    {
        using var account = new TestAccount();
        account.Http.Respond(_ => Json(HttpStatusCode.ServiceUnavailable, ExaVaultJson.Error(503, "ERROR_SERVICE_UNAVAILABLE", TestAccount.AccessToken)));
        account.Http.Respond(_ => throw new HttpRequestException("reset"));
        account.Http.RespondJson(ExaVaultJson.Page());

        await account.DrainAsync(Sessions with { Actors = ["jdoe"] });

        Assert.NotEmpty(account.Logs.Lines);
        Assert.All(account.Logs.Lines, line =>
        {
            Assert.DoesNotContain(TestAccount.ApiKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(TestAccount.AccessToken, line, StringComparison.Ordinal);
        });
        Assert.All(account.Http.Requests, r => Assert.DoesNotContain(TestAccount.ApiKey, r.Uri.ToString(), StringComparison.Ordinal));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A body whose connection drops after <c>cutAt</c> bytes.</summary>
    private sealed class CutOffStream(byte[] bytes, int cutAt) : MemoryStream(bytes, 0, cutAt)
    {
        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            return read > 0 ? read : throw new IOException("The response ended prematurely.");
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }
}
