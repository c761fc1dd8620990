using AuditAggregator.DocSpace.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace AuditAggregator.DocSpace.Tests.Source;

/// <summary>
/// The server pages before it filters; these tests hold the source to reading a window completely anyway.
/// </summary>
public class DocSpaceAuditSourcePagingTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 1000 events one minute apart; the window holds the 60 events from 500 to 559 minutes before the newest,
    /// behind 440 newer ones.
    /// </summary>
    private static (FakePortal Portal, AuditQuery Query, long[] Expected) WindowBehindNewerEvents()
    {
        var portal = new FakePortal().AddNewest(1000, Newest, TimeSpan.FromMinutes(1));
        var from = Instant.FromDateTimeOffset(Newest.AddMinutes(-559));
        var to = Instant.FromDateTimeOffset(Newest.AddMinutes(-499));
        var expected = portal.Log.Skip(500).Take(60).Select(e => e.Id).ToArray();
        return (portal, AuditQuery.Between(from, to), expected);
    }

    /// <summary>One page at a time: these tests pin the sequential walk's requests (see the concurrent tests for the rest).</summary>
    private static DocSpaceOptions Sequential(Action<DocSpaceOptions>? configure = null) => TestSetup.Options(o =>
    {
        o.Resilience.MaxConcurrentRequests = 1;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task ReadAsync_WindowBehindHundredsOfNewerEvents_ReturnsExactlyTheWindow()
    {
        var (portal, query, expected) = WindowBehindNewerEvents();

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(query);

        Assert.Equal(expected.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.SourceId));
        Assert.All(events, e => Assert.True(query.ContainsTime(e.Time)));
    }

    [Fact]
    public async Task NaiveOneFilteredRequest_SameWindow_MissesTheEvents()
    {
        // What the vendor's SDKs and example scripts do: one request with from/to. The fake pages before filtering,
        // as the server does, and so returns nothing; the source's walk above returns all 60.
        var (portal, query, expected) = WindowBehindNewerEvents();
        var api = TestSetup.Api(portal.Handler);

        using var response = await api.GetFilterAsync(from: DocSpaceQuery.Time(query.From!.Value.ToDateTimeOffset()), to: DocSpaceQuery.Time(query.To!.Value.ToDateTimeOffset()));
        using var naive = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(0, naive.RootElement.GetProperty("response").GetArrayLength());
        Assert.Equal(60, expected.Length);
    }

    [Fact]
    public async Task ReadAsync_Walk_SendsOnlyStartIndexAndCountOfOneHundred()
    {
        var (portal, query, _) = WindowBehindNewerEvents();

        await TestSetup.Source(portal.Handler, Sequential()).ReadAllAsync(query);

        Assert.Equal(
            ["?count=100&startIndex=0", "?count=100&startIndex=100", "?count=100&startIndex=200", "?count=100&startIndex=300", "?count=100&startIndex=400", "?count=100&startIndex=500"],
            portal.Handler.Requests.Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task ReadAsync_WindowBehindTwentyThousandNewerEvents_EveryEventOnceInOnePassOverTheLog()
    {
        var portal = new FakePortal().AddNewest(25_000, Newest, TimeSpan.FromSeconds(30));
        var query = AuditQuery.Between(Instant.FromDateTimeOffset(Newest.AddSeconds(-30 * 20_499)), Instant.FromDateTimeOffset(Newest.AddSeconds(-30 * 19_999)));
        var expected = portal.Log.Skip(20_000).Take(500).Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var events = await TestSetup.Source(portal.Handler, Sequential()).ReadAllAsync(query);

        output.WriteLine($"{events.Count} events behind 20,000 newer ones: {portal.FilterRequests} requests, {watch.ElapsedMilliseconds} ms against the in-memory portal");
        Assert.Equal(expected, events.Select(e => e.SourceId));
        Assert.Equal(206, portal.FilterRequests); // pages 0..204 hold the window; page 205 is the first to reach past its start
    }

    [Fact]
    public async Task ReadAsync_StopsAtThePageThatReachesBeforeTheWindow()
    {
        var (portal, query, _) = WindowBehindNewerEvents();

        await TestSetup.Source(portal.Handler, Sequential()).ReadAllAsync(query);

        // The window ends at index 559: page 5 (500..599) reaches past it, so page 6 is never asked for.
        Assert.Equal(6, portal.FilterRequests);
    }

    [Fact]
    public async Task ReadAsync_ShortLastPage_StopsWithoutAnotherRequest()
    {
        var portal = new FakePortal().AddNewest(250, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.Source(portal.Handler, Sequential()).ReadAllAsync(AuditQuery.All);

        Assert.Equal(250, events.Count);
        Assert.Equal(3, portal.FilterRequests);
        Assert.Equal(events.Select(e => e.Time).OrderDescending(), events.Select(e => e.Time));
    }

    [Fact]
    public async Task ReadAsync_ExactMultipleOfPageSize_EndsOnTheEmptyPage()
    {
        var portal = new FakePortal().AddNewest(200, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.Source(portal.Handler, Sequential()).ReadAllAsync(AuditQuery.All);

        Assert.Equal(200, events.Count);
        Assert.Equal(3, portal.FilterRequests);
    }

    [Fact]
    public async Task ReadAsync_EmptyPortal_OneRequestNoEvents()
    {
        var portal = new FakePortal();

        Assert.Empty(await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All));
        Assert.Equal(1, portal.FilterRequests);
    }

    [Fact]
    public async Task ReadAsync_WindowEndIsExcluded_StartIsIncluded()
    {
        var portal = new FakePortal().AddNewest(10, Newest, TimeSpan.FromMinutes(1));
        var query = AuditQuery.Between(Instant.FromDateTimeOffset(Newest.AddMinutes(-5)), Instant.FromDateTimeOffset(Newest.AddMinutes(-2)));

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(query);

        Assert.Equal([Newest.AddMinutes(-3), Newest.AddMinutes(-4), Newest.AddMinutes(-5)], events.Select(e => e.Time.ToDateTimeOffset()));
    }

    [Fact]
    public async Task ReadAsync_NewLoginsDuringTheWalk_EachEventOnce()
    {
        var portal = new FakePortal().AddNewest(500, Newest, TimeSpan.FromMinutes(1));
        var before = portal.Log.Select(e => e.Id).ToHashSet();
        // 250 new logins land before the third page: more than the pager's two-page memory, so only the source's
        // own record of yielded ids keeps the shifted events from coming twice.
        portal.BeforeFilter = n =>
        {
            if (n == 2)
            {
                portal.AddNewest(250, Newest.AddHours(1), TimeSpan.FromSeconds(1));
            }
        };

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.Between(Instant.FromDateTimeOffset(Newest.AddDays(-1)), Instant.FromDateTimeOffset(Newest.AddMinutes(1))));

        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(before.Count, events.Count);
        Assert.All(events, e => Assert.Contains(long.Parse(e.SourceId, System.Globalization.CultureInfo.InvariantCulture), before));
    }

    [Fact]
    public async Task ReadAsync_ActorActionAndOutcomeFilters_AppliedOnTheClientAcrossPages()
    {
        var alice = Guid.Parse("11111111-1111-1111-1111-111111111111");
        var bob = Guid.Parse("22222222-2222-2222-2222-222222222222");
        var portal = new FakePortal().AddNewest(
            400,
            Newest,
            TimeSpan.FromMinutes(1),
            actionId: id => id % 4 == 0 ? 1023 : 1000,
            userId: id => id % 2 == 0 ? alice : bob);
        var query = AuditQuery.All with { Actors = [alice.ToString()], Actions = [AuditActions.Login], Outcome = AuditOutcome.Failure };

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(query);

        Assert.Equal(100, events.Count);
        Assert.All(events, e => Assert.Equal(("1023", alice.ToString()), (e.VendorAction, e.Actor.Id)));
        Assert.All(portal.Handler.Requests, r => Assert.Null(r.QueryValue("userId")));
        Assert.All(portal.Handler.Requests, r => Assert.Null(r.QueryValue("action")));
    }

    [Fact]
    public async Task ReadAsync_OtherSourceOrStream_SendsNothing()
    {
        var portal = new FakePortal().AddNewest(5, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.Source(portal.Handler);

        Assert.Empty(await source.ReadAllAsync(AuditQuery.All with { Sources = ["exavault"] }));
        Assert.Empty(await source.ReadAllAsync(AuditQuery.All with { Streams = ["session"] }));
        Assert.Empty(portal.Handler.Requests);
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanMaxPages_FailsInsteadOfReturningPart()
    {
        var portal = new FakePortal().AddNewest(300, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.Source(portal.Handler, TestSetup.Options(o => o.MaxPages = 2));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => source.ReadAllAsync(AuditQuery.All));

        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
    }

    [Fact]
    public async Task ReadAsync_SmallerPageSize_UsedAsCount()
    {
        var portal = new FakePortal().AddNewest(45, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.Source(portal.Handler, Sequential(o => o.PageSize = 30));

        var events = await source.ReadAllAsync(AuditQuery.All);

        Assert.Equal(45, events.Count);
        Assert.Equal(["30", "30"], portal.Handler.Requests.Select(r => r.QueryValue("count")));
    }
}
