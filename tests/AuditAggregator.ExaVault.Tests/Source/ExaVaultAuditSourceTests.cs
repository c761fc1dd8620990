using AuditAggregator.ExaVault.Internal;
using AuditAggregator.ExaVault.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace AuditAggregator.ExaVault.Tests.Source;

public class ExaVaultAuditSourceTests(ITestOutputHelper output)
{
    private static readonly AuditQuery Day = AuditQuery.Between(ExaVaultJson.Newest - Duration.FromDays(1), ExaVaultJson.Newest + Duration.FromSeconds(1));

    [Fact]
    public async Task ReadAsync_Window_SentAsServerDateFilterNewestFirst()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        account.Http.Route(new ActivityLogStub().WithSessions(3).Answer);

        await Drain(account, AuditQuery.Between(Instant.FromUtc(2025, 6, 1, 0, 0, 0), Instant.FromUtc(2025, 6, 2, 12, 0, 0)));

        var request = Assert.Single(account.Http.Requests);
        Assert.Equal("2025-06-01T00:00:00Z", request.QueryValue("startDate"));
        Assert.Equal("2025-06-02T12:00:00Z", request.QueryValue("endDate"));
        Assert.Equal("-date", request.QueryValue("sort"));
        Assert.Equal("0", request.QueryValue("offset"));
        Assert.Equal("1000", request.QueryValue("limit"));
        Assert.Null(request.QueryValue("username"));
        Assert.Null(request.QueryValue("type"));
    }

    [Fact]
    public async Task ReadAsync_FractionalWindow_ServerWindowRoundedOutwardClientWindowHalfOpen()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        var from = ExaVaultJson.Newest - Duration.FromSeconds(5) + Duration.FromMilliseconds(500);
        var to = ExaVaultJson.Newest - Duration.FromSeconds(1);
        account.Http.Route(new ActivityLogStub().WithSessions(10).Answer);

        var events = await Drain(account, AuditQuery.Between(from, to + Duration.FromMilliseconds(250)));
        var exact = await Drain(account, AuditQuery.Between(from, to));

        Assert.Equal("2025-06-02T10:59:55Z", account.Http.Requests[0].QueryValue("startDate"));
        Assert.Equal("2025-06-02T11:00:00Z", account.Http.Requests[0].QueryValue("endDate"));
        Assert.Equal([to, to - Duration.FromSeconds(1), to - Duration.FromSeconds(2), to - Duration.FromSeconds(3)], events.Select(e => e.Time));
        Assert.DoesNotContain(exact, e => e.Time == to);
        Assert.Equal(3, exact.Count);
    }

    [Fact]
    public async Task ReadAsync_SeveralPages_EndsOnShortPage()
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize) = (ExaVaultStreams.Session, 10));
        account.Http.Route(new ActivityLogStub().WithSessions(25).Answer);

        var events = await Drain(account, Day);

        Assert.Equal(25, events.Count);
        Assert.Equal(25, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(events.OrderByDescending(e => e.Time).Select(e => e.Id), events.Select(e => e.Id));
        Assert.Equal(["0", "10", "20"], account.Http.Requests.Select(r => r.QueryValue("offset")));
        Assert.All(account.Http.Requests, r => Assert.Equal("10", r.QueryValue("limit")));
    }

    [Fact]
    public async Task ReadAsync_ExactMultipleOfPageSize_EndsOnEmptyPage()
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize) = (ExaVaultStreams.Session, 10));
        account.Http.Route(new ActivityLogStub().WithSessions(30).Answer);

        var events = await Drain(account, Day);

        Assert.Equal(30, events.Count);
        Assert.Equal(["0", "10", "20", "30"], account.Http.Requests.Select(r => r.QueryValue("offset")));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1000)]
    [InlineData(999, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(2500, 1000)]
    [InlineData(5000, 1000)]
    [InlineData(2500, 200)]
    [InlineData(2600, 200)]
    public async Task ReadAsync_FullExport_CostsCeilNOverLimitPlusOneOnlyWhenLastPageFull(int count, int pageSize)
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize) = (ExaVaultStreams.Session, pageSize));
        account.Http.Route(new ActivityLogStub().WithSessions(count, id => id % 7 == 0 ? "CHMOD" : "STOR").Answer);

        var events = await Drain(account, AuditQuery.All);

        var expected = (count + pageSize - 1) / pageSize + (count % pageSize == 0 ? 1 : 0);
        output.WriteLine($"N={count} limit={pageSize}: {account.Http.Requests.Count} requests, {events.Count} events");
        Assert.Equal(expected, account.Http.Requests.Count);
        Assert.Equal(count, events.Count);
        Assert.Equal(count, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_ServerIgnoresOffset_StopsWithPagingError()
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize) = (ExaVaultStreams.Webhook, 10));
        account.Http.Route(new ActivityLogStub { IgnoreOffset = true }.WithWebhooks(50).Answer);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => Drain(account, Day));

        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
        Assert.Contains("ignored the offset", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, account.Http.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanAllowed_StopsWithPagingError()
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize, o.MaxPages) = (ExaVaultStreams.Session, 10, 2));
        account.Http.Route(new ActivityLogStub().WithSessions(50).Answer);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => Drain(account, Day));

        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
        Assert.Equal(2, account.Http.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_BothStreams_MergedNewestFirst()
    {
        using var account = new TestAccount(o => o.PageSize = 4);
        account.Http.Route(new ActivityLogStub().WithSessions(9).WithWebhooks(7, offset: Duration.FromMilliseconds(500)).Answer);

        var events = await Drain(account, Day);

        Assert.Equal(16, events.Count);
        Assert.Equal(events.OrderBy(e => e, AuditEventOrder.NewestFirst).Select(e => e.Id), events.Select(e => e.Id));
        Assert.Equal(9, events.Count(e => e.Stream == ExaVaultSourceNames.SessionStream));
        Assert.Equal(7, events.Count(e => e.Stream == ExaVaultSourceNames.WebhookStream));
        Assert.Equal(3, account.Http.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/session", StringComparison.Ordinal)));
        Assert.Equal(2, account.Http.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/webhooks", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(ExaVaultStreams.Session, "/activity/session")]
    [InlineData(ExaVaultStreams.Webhook, "/activity/webhooks")]
    public async Task ReadAsync_OneStreamConfigured_OnlyItsRouteCalled(ExaVaultStreams streams, string route)
    {
        using var account = new TestAccount(o => o.Streams = streams);
        account.Http.Route(new ActivityLogStub().WithSessions(3).WithWebhooks(3).Answer);

        var events = await Drain(account, Day);

        Assert.Equal(3, events.Count);
        Assert.All(account.Http.Requests, r => Assert.EndsWith(route, r.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal([streams == ExaVaultStreams.Session ? "session" : "webhook"], account.Source.Streams);
    }

    [Theory]
    [InlineData("webhook", null, "/activity/webhooks")]
    [InlineData("session", null, "/activity/session")]
    [InlineData(null, "webhook-delivery", "/activity/webhooks")]
    [InlineData(null, "upload", "/activity/session")]
    [InlineData(null, "other", "/activity/session")]
    public async Task ReadAsync_QueryExcludesAStream_ItsRouteNeverCalled(string? stream, string? action, string route)
    {
        using var account = new TestAccount();
        account.Http.Route(new ActivityLogStub().WithSessions(3).WithWebhooks(3).Answer);
        var query = Day with { Streams = stream is null ? null : [stream], Actions = action is null ? null : [action] };

        await Drain(account, query);

        var request = Assert.Single(account.Http.Requests);
        Assert.EndsWith(route, request.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OneActor_SentAsUsernameAndStillFilteredOnClient()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        var stub = new ActivityLogStub()
            .WithSession(ExaVaultJson.Newest, ExaVaultJson.Session(1, ExaVaultJson.Newest, username: "jdoe"))
            .WithSession(ExaVaultJson.Newest, ExaVaultJson.Session(2, ExaVaultJson.Newest, username: "asmith"));
        account.Http.Route(stub.Answer);

        var events = await Drain(account, Day with { Actors = ["JDoe"] });

        Assert.Equal("JDoe", Assert.Single(account.Http.Requests).QueryValue("username"));
        Assert.Equal("1", Assert.Single(events).SourceId);
    }

    [Fact]
    public async Task ReadAsync_TwoActors_NoUsernameSent()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        account.Http.Route(new ActivityLogStub().WithSessions(3).Answer);

        await Drain(account, Day with { Actors = ["jdoe", "asmith"] });

        Assert.Null(Assert.Single(account.Http.Requests).QueryValue("username"));
    }

    [Theory]
    [InlineData("upload", "STOR")]
    [InlineData("login", "PASS")]
    [InlineData("share-update", "EDIT_SHARE")]
    [InlineData("other", null)]
    public async Task ReadAsync_OneAction_SentAsOperationTypeWhenItHasOneCode(string action, string? type)
    {
        using var account = new TestAccount();
        account.Http.Route(new ActivityLogStub().WithSessions(3).Answer);

        await Drain(account, Day with { Actions = [action] });

        Assert.Equal(type, Assert.Single(account.Http.Requests).QueryValue("type"));
    }

    [Fact]
    public async Task ReadAsync_EmptyWindow_SendsNothing()
    {
        using var account = new TestAccount();

        var events = await Drain(account, AuditQuery.Between(ExaVaultJson.Newest, ExaVaultJson.Newest));

        Assert.Empty(events);
        Assert.Empty(account.Http.Requests);
    }

    [Fact]
    public async Task ReadAsync_OtherSourceAsked_SendsNothing()
    {
        using var account = new TestAccount();

        var events = await Drain(account, Day with { Sources = ["docspace"] });

        Assert.Empty(events);
        Assert.Empty(account.Http.Requests);
    }

    [Fact]
    public async Task ReadAsync_NoWindow_NoDateParameters()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Webhook);
        account.Http.Route(new ActivityLogStub().WithWebhooks(2).Answer);

        await Drain(account, AuditQuery.All);

        var request = Assert.Single(account.Http.Requests);
        Assert.Null(request.QueryValue("startDate"));
        Assert.Null(request.QueryValue("endDate"));
        Assert.Equal("-date", request.QueryValue("sort"));
    }

    [Fact]
    public async Task ReadAsync_PageWithoutData_EndsTheStream()
    {
        using var account = new TestAccount(o => o.Streams = ExaVaultStreams.Session);
        account.Http.RespondJson("""{"responseStatus":200,"totalResults":0,"returnedResults":0}""");

        Assert.Empty(await Drain(account, Day));
        Assert.Single(account.Http.Requests);
    }

    [Fact]
    public async Task ReadAsync_AllowanceRunsOutMidExport_StopsBeforeExhaustingIt()
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize, o.StopBelow, o.SlowDownBelow) = (ExaVaultStreams.Session, 10, 100, 100));
        account.Http.Route(new ActivityLogStub { Remaining = 103 }.WithSessions(100).Answer);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => Drain(account, Day));

        Assert.Equal(AuditErrorKind.RateLimited, ex.Kind);
        Assert.Equal(4, account.Http.Requests.Count);
        Assert.Equal(99, account.Source.RateLimit!.Remaining);
    }

    [Fact]
    public async Task ReadAsync_IncludeRawRecord_EveryEventCarriesIt()
    {
        using var account = new TestAccount(o => o.IncludeRawRecord = true);
        account.Http.Route(new ActivityLogStub().WithSessions(2).WithWebhooks(2).Answer);

        var events = await Drain(account, Day);

        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Contains($"\"id\":{e.SourceId}", e.RawRecord, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_IncludeRawRecord_TheEntryExactlyAsSent()
    {
        using var account = new TestAccount(o => (o.IncludeRawRecord, o.Streams) = (true, ExaVaultStreams.Session));
        var entries = new[] { ExaVaultJson.Session(2, ExaVaultJson.Newest), ExaVaultJson.Session(1, ExaVaultJson.Newest - Duration.FromSeconds(1)) };
        account.Http.RespondJson(ExaVaultJson.Page(entries));

        var events = await Drain(account, AuditQuery.All);

        Assert.Equal(entries, events.Select(e => e.RawRecord));
    }

    [Fact]
    public async Task ReadAsync_CallersOwnApiImplementation_SameEventsAsTheRefitClient()
    {
        using var refit = new TestAccount(o => o.PageSize = 4);
        refit.Http.Route(new ActivityLogStub().WithSessions(9).WithWebhooks(5).Answer);
        using var own = new TestAccount(o => o.PageSize = 4);
        var api = new HandWrittenApi(new ActivityLogStub().WithSessions(9).WithWebhooks(5));
        var source = new ExaVaultAuditSource("exavault", () => api, own.Options, own.Time);

        var expected = await Drain(refit, Day);
        var actual = new List<AuditEvent>();
        await foreach (var e in source.ReadAsync(Day))
        {
            actual.Add(e);
        }

        Assert.Equal(14, actual.Count);
        Assert.Equal(expected.Select(e => (e.Id, e.Time, e.Action, e.Actor, e.Details.Count)), actual.Select(e => (e.Id, e.Time, e.Action, e.Actor, e.Details.Count)));
        Assert.Equal(refit.Http.Requests.Select(r => r.Uri.PathAndQuery).Order(), api.Sent.Order());
    }

    [Fact]
    public async Task ReadAsync_CancelledAfterFirstEvent_NoFurtherPage()
    {
        using var account = new TestAccount(o => (o.Streams, o.PageSize) = (ExaVaultStreams.Session, 10));
        account.Http.Route(new ActivityLogStub().WithSessions(50).Answer);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in account.Source.ReadAsync(Day, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        Assert.Single(account.Http.Requests);
    }

    private static async Task<List<AuditEvent>> Drain(TestAccount account, AuditQuery query)
    {
        var events = new List<AuditEvent>();
        await foreach (var item in account.Source.ReadAsync(query))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>A caller's own implementation of the interface, no Refit: the source must treat it like any other.</summary>
    private sealed class HandWrittenApi(ActivityLogStub stub) : IExaVaultActivityApi
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();

        public IEnumerable<string> Sent => _sent;

        public Task<HttpResponseMessage> GetSessionActivityAsync(Instant? startDate = null, Instant? endDate = null, string? ipAddress = null, string? username = null, string? path = null, string? type = null, long? offset = null, int? limit = null, string? sort = null, CancellationToken cancellationToken = default) =>
            Answer("/api/v2/activity/session", startDate, endDate, offset, limit, sort);

        public Task<HttpResponseMessage> GetWebhookActivityAsync(Instant? startDate = null, Instant? endDate = null, string? endpointUrl = null, string? @event = null, int? statusCode = null, string? resourcePath = null, string? username = null, long? offset = null, int? limit = null, string? sort = null, CancellationToken cancellationToken = default) =>
            Answer("/api/v2/activity/webhooks", startDate, endDate, offset, limit, sort);

        private Task<HttpResponseMessage> Answer(string path, Instant? startDate, Instant? endDate, long? offset, int? limit, string? sort)
        {
            var query = $"?startDate={Uri.EscapeDataString(ExaVaultJson.Format(startDate!.Value))}&endDate={Uri.EscapeDataString(ExaVaultJson.Format(endDate!.Value))}&offset={offset}&limit={limit}&sort={sort}";
            _sent.Enqueue(path + query);
            return Task.FromResult(stub.Answer(new HttpRequestMessage(HttpMethod.Get, new Uri("https://acme.exavault.com" + path + query))));
        }
    }
}
