namespace AuditAggregator.Simulators.Tests.DocSpace;

public class DocSpaceReportTests
{
    [Fact]
    public async Task Report_Synchronous_AnswersAnAbsoluteCsvUrlString()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim);
        using var response = await http.PostAsync(DocSpaceSimulator.ReportPath, null);
        var body = await Clients.JsonAsync(response);
        var url = body.GetProperty("response").GetString()!;
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out _), url);
        Assert.Contains(".csv", url, StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Report_Asynchronous_PostPollCompleteThenCancel()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions
        {
            Now = Clients.Now, ReportMode = DocSpaceReportMode.Asynchronous, ReportPollsToComplete = 2,
        });
        using var http = Clients.DocSpace(sim);
        using var start = await http.PostAsync(DocSpaceSimulator.ReportPath + "?format=Csv", null);
        var task = (await Clients.JsonAsync(start)).GetProperty("response");
        Assert.False(task.GetProperty("isCompleted").GetBoolean());
        Assert.Equal(0, task.GetProperty("percentage").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, task.GetProperty("resultFileUrl").ValueKind);
        var id = task.GetProperty("id").GetString();

        using var again = await http.PostAsync(DocSpaceSimulator.ReportPath + "?format=Csv", null);
        Assert.Equal(id, (await Clients.JsonAsync(again)).GetProperty("response").GetProperty("id").GetString());

        var poll1 = (await Clients.GetJsonAsync(http, DocSpaceSimulator.ReportPath)).GetProperty("response");
        Assert.Equal(50, poll1.GetProperty("percentage").GetInt32());
        Assert.Equal(1, poll1.GetProperty("status").GetInt32());
        var poll2 = (await Clients.GetJsonAsync(http, DocSpaceSimulator.ReportPath)).GetProperty("response");
        Assert.True(poll2.GetProperty("isCompleted").GetBoolean());
        Assert.Equal(2, poll2.GetProperty("status").GetInt32());
        Assert.EndsWith(".csv", poll2.GetProperty("resultFileName").GetString(), StringComparison.Ordinal);
        Assert.NotNull(poll2.GetProperty("resultFileUrl").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, poll2.GetProperty("resultFileId").ValueKind);

        using var cancel = await http.DeleteAsync(DocSpaceSimulator.ReportPath);
        Assert.Equal(200, (int)cancel.StatusCode);
        var gone = await Clients.GetJsonAsync(http, DocSpaceSimulator.ReportPath);
        Assert.False(gone.TryGetProperty("response", out _));
    }

    [Fact]
    public async Task Report_NoAuditPlan_Is402()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Plan = DocSpacePlan.NoAuditPlan });
        using var http = Clients.DocSpace(sim);
        using var response = await http.PostAsync(DocSpaceSimulator.ReportPath, null);
        Assert.Equal(402, (int)response.StatusCode);
    }
}
