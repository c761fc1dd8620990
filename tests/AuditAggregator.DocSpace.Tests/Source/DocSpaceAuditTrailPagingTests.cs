using System.Globalization;
using AuditAggregator.DocSpace.Tests.Support;
using NodaTime;

namespace AuditAggregator.DocSpace.Tests.Source;

/// <summary>
/// The audit stream: the window sent as from/to, each next page moving <c>to</c> down, every event once whatever
/// arrives at the head or shares a second, in the fewest requests.
/// </summary>
public class DocSpaceAuditTrailPagingTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AuditQuery Audit = new() { Streams = [DocSpaceSourceNames.AuditStream] };

    private static Instant At(DateTimeOffset time) => Instant.FromDateTimeOffset(time);

    [Fact]
    public async Task ReadAsync_Window_SendsFromAndToAndReturnsExactlyTheWindow()
    {
        var portal = new FakePortal().AddTrail(500, Newest, TimeSpan.FromMinutes(1));
        var from = Newest.AddMinutes(-399);
        var to = Newest.AddMinutes(-100);
        var query = Audit with { From = At(from), To = At(to) };

        var events = await TestSetup.TrailSource(portal.Handler).ReadAllAsync(query);

        var expected = portal.Trail.Where(r => r.Time >= from && r.Time < to).Select(r => "docspace:audit:" + r.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, events.Select(e => e.Id));
        Assert.Equal(299, events.Count);
        var first = portal.Handler.Requests[0];
        Assert.Equal("2025-06-02T05:21:00Z", first.QueryValue("from"));
        Assert.Equal("2025-06-02T10:19:59.9999999Z", first.QueryValue("to"));
        Assert.Equal("100", first.QueryValue("count"));
        Assert.Null(first.QueryValue("startIndex"));
        Assert.Null(first.QueryValue("moduleType"));

        // 299 events, 100 a page, each next page repeating the one event at the previous page's oldest second.
        Assert.Equal(4, portal.TrailRequests);
        Assert.All(portal.Handler.Requests, r => Assert.Equal("/api/2.0/security/audit/events/filter", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task ReadAsync_NextPage_MovesToDownToTheOldestDateRead()
    {
        var portal = new FakePortal().AddTrail(150, Newest, TimeSpan.FromMinutes(1));

        await TestSetup.TrailSource(portal.Handler).ReadAllAsync(Audit);

        var oldestOfFirstPage = portal.Trail[99].Time;
        Assert.Equal([null, DocSpaceQuery.Time(oldestOfFirstPage)], portal.Handler.Requests.Select(r => r.QueryValue("to")));
        Assert.Equal([null, null], portal.Handler.Requests.Select(r => r.QueryValue("startIndex")));
    }

    [Fact]
    public async Task ReadAsync_NewEventsAtTheHeadBetweenPages_EveryEventOnceNoneLost()
    {
        var portal = new FakePortal().AddTrail(350, Newest, TimeSpan.FromMinutes(1));
        var original = portal.Trail.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        portal.BeforeTrailFilter = n =>
        {
            if (n > 0)
            {
                portal.AddTrail(70, Newest.AddHours(n), TimeSpan.FromSeconds(1));
            }
        };

        var events = await TestSetup.TrailSource(portal.Handler).ReadAllAsync(Audit);

        Assert.Equal(original, events.Select(e => e.SourceId));
    }

    [Fact]
    public async Task ReadAsync_EventsSharingASecondAcrossThePageBoundary_EachOnce()
    {
        // 250 events, five to a second: every page boundary falls inside a second.
        var portal = new FakePortal();
        for (var i = 0; i < 50; i++)
        {
            portal.AddTrail(5, Newest.AddSeconds(i), TimeSpan.Zero);
        }

        var events = await TestSetup.TrailSource(portal.Handler, TestSetup.Options(o => o.PageSize = 33)).ReadAllAsync(Audit);

        Assert.Equal(250, events.Count);
        Assert.Equal(250, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(events.OrderBy(e => e, AuditEventOrder.NewestFirst).Select(e => e.Time), events.Select(e => e.Time));
    }

    [Fact]
    public async Task ReadAsync_MorePagesOfEventsInOneSecondThanAPage_StepsOverThemWithStartIndex()
    {
        var portal = new FakePortal().AddTrail(30, Newest.AddMinutes(-10), TimeSpan.FromSeconds(1)).AddTrail(250, Newest, TimeSpan.Zero);

        var events = await TestSetup.TrailSource(portal.Handler).ReadAllAsync(Audit);

        Assert.Equal(280, events.Count);
        Assert.Equal(280, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal([null, "100", "200"], portal.Handler.Requests.Take(3).Select(r => r.QueryValue("startIndex")));
    }

    [Fact]
    public async Task ReadAsync_ServerRepeatsAFullPage_FailsWithPagingError()
    {
        var portal = new FakePortal().AddTrail(100, Newest, TimeSpan.Zero);
        var handler = new StubHttpMessageHandlerOver(portal, startIndexIgnored: true);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.TrailSource(handler.Handler).ReadAllAsync(Audit));

        Assert.Equal((AuditErrorKind.Paging, "docspace"), (ex.Kind, ex.SourceName));
    }

    [Fact]
    public async Task ReadAsync_MaxPagesReached_FailsRatherThanReturnPartOfTheWindow()
    {
        var portal = new FakePortal().AddTrail(500, Newest, TimeSpan.FromMinutes(1));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.TrailSource(portal.Handler, TestSetup.Options(o => o.MaxPages = 2)).ReadAllAsync(Audit));

        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
        Assert.Contains("MaxPages", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ClientSideFilters_AppliedToTheAuditStream()
    {
        var portal = new FakePortal().AddTrail(60, Newest, TimeSpan.FromMinutes(1), id => id % 2 == 0 ? 5009 : 5011);
        var query = Audit with { Actions = [AuditActions.Download] };

        var events = await TestSetup.TrailSource(portal.Handler).ReadAllAsync(query);

        Assert.Equal(30, events.Count);
        Assert.All(events, e => Assert.Equal(AuditActions.Download, e.Action));
    }
}
