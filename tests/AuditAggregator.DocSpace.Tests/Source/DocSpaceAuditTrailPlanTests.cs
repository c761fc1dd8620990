using System.Net;
using System.Text;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.DocSpace.Tests.Source;

/// <summary>
/// Plans and permissions on the audit trail: the silent fallback of /events/filter without the audit option, 402
/// and 403, each a clear error naming the source, never a short window that looks complete.
/// </summary>
public class DocSpaceAuditTrailPlanTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AuditQuery Audit = new() { Streams = [DocSpaceSourceNames.AuditStream] };

    [Fact]
    public async Task ReadAsync_NoAuditPlanWithAWindow_FailsWithPlanErrorNamingTheSource()
    {
        var portal = new FakePortal { NoAuditPlan = true }.AddTrail(300, Newest, TimeSpan.FromMinutes(1));
        var query = Audit with { From = Instant.FromDateTimeOffset(Newest.AddHours(-3)), To = Instant.FromDateTimeOffset(Newest.AddHours(-1)) };

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.TrailSource(portal.Handler).ReadAllAsync(query));

        Assert.Equal((AuditErrorKind.Plan, "docspace"), (ex.Kind, ex.SourceName));
        Assert.Contains("no audit option", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a filtered result", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, portal.TrailRequests);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50)]
    [InlineData(20)]
    [InlineData(10)]
    public async Task ReadAsync_NoAuditPlanWithoutAWindow_FailsWithPlanErrorWhateverThePageSize(int pageSize)
    {
        var portal = new FakePortal { NoAuditPlan = true }.AddTrail(300, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.TrailSource(portal.Handler, TestSetup.Options(o => o.PageSize = pageSize));
        var yielded = 0;

        var ex = await Assert.ThrowsAsync<AuditSourceException>(async () =>
        {
            await foreach (var unused in source.ReadAsync(Audit))
            {
                yielded++;
            }
        });

        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
        Assert.True(yielded < 20, $"{yielded} events were yielded before the error");
        Assert.True(portal.TrailRequests <= 2);
    }

    [Fact]
    public async Task ReadAsync_HonestPortalWithExactlyTwentyEvents_ProbesOnceAndReturnsThem()
    {
        var portal = new FakePortal().AddTrail(20, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.TrailSource(portal.Handler).ReadAllAsync(Audit);

        Assert.Equal(20, events.Count);
        Assert.Equal(2, portal.TrailRequests);
        Assert.Equal(DocSpaceQuery.Time(portal.Trail[19].Time.AddTicks(-1)), portal.Handler.Requests[1].QueryValue("to"));
    }

    [Fact]
    public async Task ReadAsync_HonestPortalWithOtherCounts_NoProbe()
    {
        var portal = new FakePortal().AddTrail(19, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.TrailSource(portal.Handler).ReadAllAsync(Audit);

        Assert.Equal(19, events.Count);
        Assert.Equal(1, portal.TrailRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, "error.402.plan.json", AuditErrorKind.Plan, "audit trail")]
    [InlineData(HttpStatusCode.Forbidden, "error.403.json", AuditErrorKind.Authorization, "audit trail")]
    [InlineData(HttpStatusCode.NotFound, null, AuditErrorKind.NotFound, "audit-trail route")]
    public async Task ReadAsync_PlanOrPermissionRefused_ClearErrorNotRetried(HttpStatusCode status, string? fixture, AuditErrorKind kind, string words)
    {
        var handler = new StubHttpMessageHandler().Respond(_ => fixture is null
            ? new HttpResponseMessage(status) { Content = new StringContent("{}", Encoding.UTF8, "application/json") }
            : Fixture.Response(fixture, status));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.TrailSource(handler).ReadAllAsync(Audit));

        Assert.Equal((kind, "docspace", (int)status), (ex.Kind, ex.SourceName, ex.StatusCode));
        Assert.Contains(words, ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        Assert.DoesNotContain(TestSetup.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LoginAllowedButAuditTrailHidden_BothStreamsFailWithTheAuditTrailNamed()
    {
        var portal = new FakePortal().AddNewest(5, Newest, TimeSpan.FromMinutes(1));
        var handler = new StubHttpMessageHandler().Route(request => request.RequestUri!.AbsolutePath.Contains("/events/", StringComparison.Ordinal)
            ? Fixture.Response("error.402.plan.json", HttpStatusCode.PaymentRequired)
            : portal.Answer(request));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.FullSource(handler).ReadAllAsync(AuditQuery.All));

        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
        Assert.Contains("audit trail", ex.Message, StringComparison.Ordinal);
    }
}
