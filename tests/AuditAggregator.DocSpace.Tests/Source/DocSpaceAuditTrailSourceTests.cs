using System.Net;
using System.Text;
using System.Text.Json;
using AuditAggregator.Checkpoints;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.DocSpace.Tests.Source;

/// <summary>
/// The audit stream beside the login stream: selection by stream, one newest-first sequence, raw records, retries,
/// and the follower's checkpoints over it.
/// </summary>
public class DocSpaceAuditTrailSourceTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AuditQuery Audit = new() { Streams = [DocSpaceSourceNames.AuditStream] };

    [Fact]
    public void Streams_WithAnAuditTrailClient_AreLoginAndAudit()
    {
        var portal = new FakePortal();

        Assert.Equal(["login", "audit"], TestSetup.FullSource(portal.Handler).Streams);
        Assert.Equal(["login"], TestSetup.Source(portal.Handler).Streams);
    }

    [Fact]
    public async Task ReadAsync_BothStreams_OneNewestFirstSequenceEachEventOnce()
    {
        var portal = new FakePortal()
            .AddNewest(130, Newest, TimeSpan.FromSeconds(70))
            .AddTrail(240, Newest, TimeSpan.FromSeconds(30));

        var events = await TestSetup.FullSource(portal.Handler).ReadAllAsync(AuditQuery.All);

        Assert.Equal(370, events.Count);
        Assert.Equal(370, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(130, events.Count(e => e.Stream == "login"));
        Assert.Equal(240, events.Count(e => e.Stream == "audit"));
        Assert.Equal(events.Order(AuditEventOrder.NewestFirst).Select(e => e.Id), events.Select(e => e.Id));
    }

    [Theory]
    [InlineData("login", "/login/")]
    [InlineData("audit", "/events/")]
    public async Task ReadAsync_OneStreamAsked_OnlyItsRouteIsRead(string stream, string route)
    {
        var portal = new FakePortal().AddNewest(5, Newest, TimeSpan.FromMinutes(1)).AddTrail(5, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.FullSource(portal.Handler).ReadAllAsync(new AuditQuery { Streams = [stream] });

        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.Equal(stream, e.Stream));
        Assert.All(portal.Handler.Requests, r => Assert.Contains(route, r.Uri.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RawRecordsOn_EachEventKeepsItsRecordAsSent()
    {
        var portal = new FakePortal().AddTrail(3, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.TrailSource(portal.Handler, TestSetup.Options(o => o.IncludeRawRecord = true)).ReadAllAsync(Audit);

        Assert.Equal(portal.Trail.Select(r => JsonSerializer.Serialize(r, TrailJson.Default.TrailRecord)), events.Select(e => e.RawRecord));
    }

    [Fact]
    public async Task ReadAsync_ServerFailsOnce_PageRetriedWithTheSameParameters()
    {
        var portal = new FakePortal().AddTrail(4, Newest, TimeSpan.FromMinutes(1));
        var handler = new StubHttpMessageHandler()
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
            .Respond(portal.Answer);

        var events = await TestSetup.TrailSource(handler).ReadAllAsync(Audit);

        Assert.Equal(4, events.Count);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Uri, handler.Requests[1].Uri);
    }

    [Fact]
    public async Task ReadAsync_RecordWithUnreadableDate_FailsNamingTheEventWithoutRetry()
    {
        var body = "{\"response\":[{\"id\":77,\"date\":\"yesterday\",\"actionId\":5011}],\"status\":0}";
        var handler = new StubHttpMessageHandler().RespondJson(body);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.TrailSource(handler).ReadAllAsync(Audit));

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("Audit-trail event 77", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Follower_SecondRun_DeliversOnlyTheNewAuditEvents()
    {
        var portal = new FakePortal().AddTrail(50, Newest, TimeSpan.FromMinutes(1));
        var clock = new FakeTimeProvider(Newest.AddMinutes(5));
        var store = new InMemoryCheckpointStore();
        var follower = new AuditFollower([TestSetup.FullSource(portal.Handler, time: clock)], store, new AuditFollowOptions { Lag = TimeSpan.FromMinutes(1) }, clock);

        var first = await Collect(follower.ReadOnceAsync(Audit));
        portal.AddTrail(10, Newest.AddMinutes(15), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(20));
        var second = await Collect(follower.ReadOnceAsync(Audit));

        Assert.Equal(50, first.Count);
        Assert.Equal(portal.Trail.Take(10).Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), second.Select(e => e.SourceId));
    }

    [Fact]
    public async Task Follower_StoppedInsideAWindow_ResumesWhereItStoppedEveryEventOnce()
    {
        var portal = new FakePortal().AddTrail(250, Newest, TimeSpan.FromMinutes(1));
        var clock = new FakeTimeProvider(Newest.AddMinutes(5));
        var store = new InMemoryCheckpointStore();
        var options = new AuditFollowOptions { Lag = TimeSpan.FromMinutes(1), CommitEvery = 1 };
        var follower = new AuditFollower([TestSetup.FullSource(portal.Handler, time: clock)], store, options, clock);
        var taken = new List<string>();

        await foreach (var item in follower.ReadOnceAsync(Audit))
        {
            if (taken.Count == 120)
            {
                break;
            }

            taken.Add(item.Id);
        }

        var rest = await Collect(follower.ReadOnceAsync(Audit));

        Assert.Equal(250, taken.Count + rest.Count);
        Assert.Equal(250, taken.Concat(rest.Select(e => e.Id)).Distinct().Count());
        Assert.Equal(portal.Trail.Select(r => "docspace:audit:" + r.Id), taken.Concat(rest.Select(e => e.Id)));
    }

    private static async Task<List<AuditEvent>> Collect(IAsyncEnumerable<AuditEvent> events)
    {
        var list = new List<AuditEvent>();
        await foreach (var item in events)
        {
            list.Add(item);
        }

        return list;
    }
}
