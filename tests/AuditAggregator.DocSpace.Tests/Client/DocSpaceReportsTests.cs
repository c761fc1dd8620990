using System.Net;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

public class DocSpaceReportsTests
{
    private static HttpResponseMessage Ok(string fixture) => Fixture.Response(fixture, HttpStatusCode.OK);

    /// <summary>A fake clock on which poll delays pass at once, and are recorded.</summary>
    private static FakeClock Clock() => new() { AutoAdvanceBelow = TimeSpan.FromHours(1) };

    [Fact]
    public async Task StartAsync_SynchronousServer_PlainUrlBecomesACompletedJob()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => Ok("report.url.json"));

        var job = await TestSetup.Reports(handler).StartAsync();

        Assert.True(job.IsCompleted);
        Assert.Equal(DocSpaceReportStatus.Completed, job.Status);
        Assert.Null(job.Id);
        Assert.Equal("https://portal.example.com/Products/Files/HttpHandlers/filehandler.ashx?action=view&fileid=5521", job.ResultFileUrl);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/report", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task StartAsync_Format_SentByName()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => Ok("report.job.running.json"));

        var job = await TestSetup.Reports(handler).StartAsync(DocSpaceReportFormat.Csv);

        Assert.Equal("?format=Csv", handler.Requests[0].Uri.Query);
        Assert.Equal((30, false, DocSpaceReportStatus.Running), (job.Percentage, job.IsCompleted, job.Status));
    }

    [Fact]
    public async Task CreateAsync_SynchronousServer_ReturnsTheUrlWithoutPolling()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => Ok("report.url.json"));

        var url = await TestSetup.Reports(handler).CreateAsync();

        Assert.Equal("portal.example.com", url.Host);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task CreateAsync_Job_PolledOnTheInjectedClockUntilCompleted()
    {
        var time = Clock();
        var handler = new StubHttpMessageHandler()
            .Respond(_ => Ok("report.job.running.json"))
            .Respond(_ => Ok("report.job.running.json"))
            .Respond(_ => Ok("report.job.completed.json"));
        var reports = TestSetup.Reports(handler, TestSetup.Options(o => o.ReportPollInterval = TimeSpan.FromSeconds(5)), time);

        var url = await reports.CreateAsync(DocSpaceReportFormat.Xlsx);

        Assert.Equal("https://portal.example.com/doceditor?fileid=1234", url.AbsoluteUri);
        Assert.Equal([HttpMethod.Post, HttpMethod.Get, HttpMethod.Get], handler.Requests.Select(r => r.Method));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], time.Waits);
    }

    [Fact]
    public async Task GetAsync_CompletedJob_ReadsTheNumericFileId()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => Ok("report.job.completed.json"));

        var job = await TestSetup.Reports(handler).GetAsync();

        Assert.Equal(1234, job!.ResultFileId);
        Assert.Equal("LoginHistory_2025-06-02.xlsx", job.ResultFileName);
    }

    [Fact]
    public async Task GetAsync_NoJobKnown_ReturnsNull()
    {
        var handler = new StubHttpMessageHandler().RespondJson("{\"response\":null,\"status\":0,\"statusCode\":200}");

        Assert.Null(await TestSetup.Reports(handler).GetAsync());
    }

    [Fact]
    public async Task CreateAsync_FailedJob_ThrowsWithTheVendorError()
    {
        var time = Clock();
        var handler = new StubHttpMessageHandler()
            .Respond(_ => Ok("report.job.running.json"))
            .Respond(_ => Ok("report.job.failed.json"));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Reports(handler, time: time).CreateAsync());

        Assert.Equal(AuditErrorKind.Server, ex.Kind);
        Assert.Equal("The document service is unavailable", ex.VendorMessage);
    }

    [Fact]
    public async Task CreateAsync_JobVanishes_Throws()
    {
        var time = Clock();
        var handler = new StubHttpMessageHandler()
            .Respond(_ => Ok("report.job.running.json"))
            .RespondJson("{\"status\":0,\"statusCode\":200}");

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Reports(handler, time: time).CreateAsync());

        Assert.Contains("no longer knows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_CallerCancels_CancelsTheJobOnTheServer()
    {
        var time = Clock();
        using var cts = new CancellationTokenSource();
        var handler = new StubHttpMessageHandler()
            .Respond(_ => Ok("report.job.running.json"))
            .Respond(_ =>
            {
                cts.Cancel();
                return Ok("report.job.running.json");
            })
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestSetup.Reports(handler, time: time).CreateAsync(cancellationToken: cts.Token));

        Assert.Equal([HttpMethod.Post, HttpMethod.Get, HttpMethod.Delete], handler.Requests.Select(r => r.Method));
        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/report", handler.Requests[2].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task CancelAsync_SendsDelete()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => new HttpResponseMessage(HttpStatusCode.OK));

        await TestSetup.Reports(handler).CancelAsync();

        Assert.Equal(HttpMethod.Delete, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task StartAsync_PlanWithoutAudit_IsPlanError()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => Fixture.Response("error.402.plan.json", HttpStatusCode.PaymentRequired));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Reports(handler).StartAsync());

        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
    }
}
