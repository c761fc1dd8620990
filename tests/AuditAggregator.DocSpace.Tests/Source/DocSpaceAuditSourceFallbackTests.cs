using AuditAggregator.DocSpace.Tests.Support;

namespace AuditAggregator.DocSpace.Tests.Source;

/// <summary>
/// A portal without the audit option answers /filter with its 20 newest events whatever the parameters; the source
/// must say so rather than present them as the result.
/// </summary>
public class DocSpaceAuditSourceFallbackTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100)]
    [InlineData(50)]
    [InlineData(20)]
    [InlineData(10)]
    public async Task ReadAsync_NoAuditPlan_FailsWithPlanErrorWhateverThePageSize(int pageSize)
    {
        var portal = new FakePortal { NoAuditPlan = true }.AddNewest(300, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.Source(portal.Handler, TestSetup.Options(o => o.PageSize = pageSize));
        var yielded = 0;

        var ex = await Assert.ThrowsAsync<AuditSourceException>(async () =>
        {
            await foreach (var unused in source.ReadAsync(AuditQuery.All))
            {
                yielded++;
            }
        });

        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
        Assert.Contains("no audit option", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a filtered result", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, yielded);
        Assert.True(portal.FilterRequests <= 2);
    }

    [Fact]
    public async Task ReadAsync_NoAuditPlanAndFilters_NeverReturnsTheTwentyAsAFilteredResult()
    {
        var portal = new FakePortal { NoAuditPlan = true }.AddNewest(300, Newest, TimeSpan.FromMinutes(1));
        var query = AuditQuery.All with { Outcome = AuditOutcome.Success };

        await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Source(portal.Handler).ReadAllAsync(query));
    }

    [Fact]
    public async Task ReadAsync_HonestPortalWithExactlyTwentyEvents_ProbesOnceAndReturnsThem()
    {
        var portal = new FakePortal().AddNewest(20, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All);

        Assert.Equal(20, events.Count);
        Assert.Equal(["0", "20"], portal.Handler.Requests.Select(r => r.QueryValue("startIndex")));
    }

    [Fact]
    public async Task ReadAsync_HonestPortalGainingALoginDuringTheProbe_ReturnsTheTwenty()
    {
        var portal = new FakePortal().AddNewest(20, Newest, TimeSpan.FromMinutes(1));
        portal.BeforeFilter = n =>
        {
            if (n == 1)
            {
                portal.AddNewest(1, Newest.AddMinutes(1), TimeSpan.FromMinutes(1));
            }
        };

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All);

        Assert.Equal(20, events.Count);
    }

    [Fact]
    public async Task ReadAsync_NoAuditPlanWithFewerThanTwentyEvents_ReturnsTheWholeLog()
    {
        // The fallback then holds the whole log, and the source filters on the client anyway: nothing is missing.
        var portal = new FakePortal { NoAuditPlan = true }.AddNewest(12, Newest, TimeSpan.FromMinutes(1));

        var events = await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All);

        Assert.Equal(12, events.Count);
        Assert.Equal(1, portal.FilterRequests);
    }

    [Fact]
    public async Task ReadAsync_HonestPortalWithNineteenEvents_NoProbe()
    {
        var portal = new FakePortal().AddNewest(19, Newest, TimeSpan.FromMinutes(1));

        Assert.Equal(19, (await TestSetup.Source(portal.Handler).ReadAllAsync(AuditQuery.All)).Count);
        Assert.Equal(1, portal.FilterRequests);
    }
}
