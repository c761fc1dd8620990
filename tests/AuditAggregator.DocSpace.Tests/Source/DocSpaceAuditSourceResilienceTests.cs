using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Source;

public class DocSpaceAuditSourceResilienceTests
{
    private static readonly DateTimeOffset Newest = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Page(IEnumerable<LoginRecord> events) =>
        new(HttpStatusCode.OK) { Content = new StringContent(FakePortal.Envelope(events), Encoding.UTF8, "application/json") };

    private static List<LoginRecord> Events(int count) =>
        Enumerable.Range(1, count).Select(i => FakePortal.Event(1000 - i, Newest.AddMinutes(-i))).ToList();

    [Fact]
    public async Task ReadAsync_TruncatedBody_RetriedAsAWholePageFetch()
    {
        var full = FakePortal.Envelope(Events(5));
        var handler = new StubHttpMessageHandler()
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(full[..(full.Length / 2)], Encoding.UTF8, "application/json") })
            .Respond(_ => Page(Events(5)));

        var events = await TestSetup.Source(handler).ReadAllAsync(AuditQuery.All);

        Assert.Equal(5, events.Count);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Uri, handler.Requests[1].Uri);
    }

    [Fact]
    public async Task ReadAsync_TooManyRequestsWithRetryAfter_RetriedThenRead()
    {
        var handler = new StubHttpMessageHandler()
            .Respond(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new ByteArrayContent([]) };
                response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
                return response;
            })
            .Respond(_ => Page(Events(3)));
        var logs = new CollectingLoggerProvider();
        var options = TestSetup.Options();
        var source = new DocSpaceAuditSource(TestSetup.Api(handler, options), options, TimeProvider.System, logs.CreateLogger<DocSpaceAuditSource>());

        var events = await source.ReadAllAsync(AuditQuery.All);

        Assert.Equal(3, events.Count);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(logs.Lines, l => l.Contains("throttled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ProxyBadGatewayHtml_RetriedThenRead()
    {
        var handler = new StubHttpMessageHandler()
            .Respond(_ => Fixture.Response("error.502.html", HttpStatusCode.BadGateway, "text/html"))
            .Respond(_ => Page(Events(2)));

        Assert.Equal(2, (await TestSetup.Source(handler).ReadAllAsync(AuditQuery.All)).Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.PaymentRequired)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task ReadAsync_PermanentStatus_NotRetried(HttpStatusCode status)
    {
        var handler = new StubHttpMessageHandler().Route(_ => new HttpResponseMessage(status) { Content = new ByteArrayContent([]) });

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Source(handler).ReadAllAsync(AuditQuery.All));

        Assert.Equal((int)status, ex.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ReadAsync_ServerErrorEveryTime_GivesUpAfterTheConfiguredRetries()
    {
        var handler = new StubHttpMessageHandler().Route(_ => Fixture.Response("error.500.json", HttpStatusCode.InternalServerError));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Source(handler).ReadAllAsync(AuditQuery.All));

        Assert.Equal(AuditErrorKind.Server, ex.Kind);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_CancelledBetweenPages_StopsRequesting()
    {
        var portal = new FakePortal().AddNewest(1000, Newest, TimeSpan.FromMinutes(1));
        using var cts = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in TestSetup.Source(portal.Handler, TestSetup.Options(o => o.Resilience.MaxConcurrentRequests = 1)).ReadAsync(AuditQuery.All, cts.Token))
            {
                if (++read == 150)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(150, read);
        Assert.Equal(2, portal.FilterRequests);
    }

    [Fact]
    public async Task ReadAsync_CancelledDuringARequest_StopsWithoutRetrying()
    {
        using var cts = new CancellationTokenSource();
        var handler = new StubHttpMessageHandler().RespondAsync(async (_, token) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestSetup.Source(handler).ReadAllAsync(AuditQuery.All, cts.Token));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ReadAsync_ClientSideRateLimit_StillReadsEverything()
    {
        var portal = new FakePortal().AddNewest(250, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.Source(portal.Handler, TestSetup.Options(o => o.Resilience.MaxRequestsPerSecond = 100));

        Assert.Equal(250, (await source.ReadAllAsync(AuditQuery.All)).Count);
    }

    [Fact]
    public async Task ReadAsync_IncludeRawRecord_FillsRawRecord()
    {
        var portal = new FakePortal().AddNewest(3, Newest, TimeSpan.FromMinutes(1));
        var source = TestSetup.Source(portal.Handler, TestSetup.Options(o => o.IncludeRawRecord = true));

        var events = await source.ReadAllAsync(AuditQuery.All);

        Assert.All(events, e => Assert.Contains($"\"id\":{e.SourceId}", e.RawRecord, StringComparison.Ordinal));
    }
}
