using AuditAggregator.DocSpace.Tests.Support;

namespace AuditAggregator.DocSpace.Tests.Source;

/// <summary>
/// The source reads pages only through <see cref="IDocSpaceLoginHistoryApi"/>, and any implementation of it gets the
/// same stream parser: there is no second, slower path for a client that is not Refit's.
/// </summary>
public class DocSpaceAuditSourceApiTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_CallersOwnApi_SameEventsAsTheRefitClientThroughTheSameParser()
    {
        var portal = new FakePortal().AddNewest(250, Newest, TimeSpan.FromMinutes(1));
        var api = new HandWrittenApi(portal.Log);

        var own = await new DocSpaceAuditSource(api, TestSetup.Options(o => o.Resilience.MaxConcurrentRequests = 1)).ReadAllAsync(AuditQuery.All);
        var refit = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All);

        Assert.Equal(refit, own);
        Assert.Equal([(100, 0), (100, 100), (100, 200)], api.Pages);

        // The stream parser shares repeated values across a read's events; a per-record mapping would not.
        Assert.Same(own[0].Ip, own[249].Ip);
        Assert.Same(own[0].Details, own[1].Details);
    }

    [Fact]
    public async Task ReadAsync_IncludeRawRecord_SameEventsEachWithItsRecordAsSent()
    {
        var portal = new FakePortal().AddNewest(30, Newest, TimeSpan.FromMinutes(1));

        var plain = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All);
        var raw = await TestSetup.Source(portal.Handler, TestSetup.Options(o => o.IncludeRawRecord = true)).ReadAllAsync(AuditQuery.All);

        Assert.Equal(plain, raw.Select(e => e with { RawRecord = null }));
        Assert.Equal(portal.Log.Select(r => System.Text.Json.JsonSerializer.Serialize(r, TestJson.Default.LoginRecord)), raw.Select(e => e.RawRecord));
    }

    [Fact]
    public async Task ReadAsync_NamedSource_EventsCarryTheNameAndIdsDifferFromTheDefaultSource()
    {
        var portal = new FakePortal().AddNewest(3, Newest, TimeSpan.FromMinutes(1));

        var named = await new DocSpaceAuditSource("acme-docspace", TestSetup.Api(portal.Handler), TestSetup.Options()).ReadAllAsync(AuditQuery.All);
        var plain = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All);

        Assert.All(named, e => Assert.Equal(("acme-docspace", DocSpaceSourceNames.Vendor), (e.Source, e.Vendor)));
        Assert.Equal(plain.Select(e => "acme-docspace:login:" + e.SourceId), named.Select(e => e.Id));
        Assert.Equal(plain.Select(e => "docspace:login:" + e.SourceId), plain.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadAsync_QueryForAnotherSourceName_SendsNothing()
    {
        var api = new HandWrittenApi([]);
        var source = new DocSpaceAuditSource("acme-docspace", api, TestSetup.Options());

        Assert.Empty(await source.ReadAllAsync(AuditQuery.All with { Sources = ["docspace"] }));
        Assert.Empty(api.Pages);
    }
}
