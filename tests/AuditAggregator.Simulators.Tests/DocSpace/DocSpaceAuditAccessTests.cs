using System.Net.Http.Headers;

namespace AuditAggregator.Simulators.Tests.DocSpace;

/// <summary>The audit trail's plan and permission answers, and its report, beside the login history's.</summary>
public class DocSpaceAuditAccessTests
{
    private static Task<DocSpaceSimulator> StartAsync(DocSpacePlan plan = DocSpacePlan.Full, DocSpaceReportMode mode = DocSpaceReportMode.Synchronous) =>
        DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Plan = plan, ReportMode = mode, ReportPollsToComplete = 1 });

    [Fact]
    public async Task AuditFilter_NoAuditPlan_SilentlyAnswersTheSameAsLast()
    {
        await using var sim = await StartAsync(DocSpacePlan.NoAuditPlan);
        using var http = Clients.DocSpace(sim);
        var alice = SimulatedUsers.All[0].DocSpaceUserId;
        var filtered = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.AuditFilterPath}?userId={alice}&action=FileDeleted&startIndex=300&count=100");
        var last = await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditLastPath);
        Assert.Equal(200, filtered.GetProperty("statusCode").GetInt32());
        Assert.Equal(20, filtered.GetProperty("count").GetInt32());
        Assert.Equal(last.GetProperty("response").GetRawText(), filtered.GetProperty("response").GetRawText());
    }

    [Theory]
    [InlineData(DocSpaceSimulator.AuditLastPath)]
    [InlineData(DocSpaceSimulator.AuditFilterPath)]
    public async Task AuditRoutes_PlanForbids_Is402WithPricingPlanMessage(string path)
    {
        await using var sim = await StartAsync(DocSpacePlan.PlanForbids);
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(path);
        Assert.Equal(402, (int)response.StatusCode);
        Assert.Equal("Your pricing plan does not support this option", (await Clients.JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task AuditLast_NoAuditPlan_Is200()
    {
        await using var sim = await StartAsync(DocSpacePlan.NoAuditPlan);
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(DocSpaceSimulator.AuditLastPath);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task AuditFilter_Unpaid_Is402WithEmptyBody()
    {
        await using var sim = await StartAsync(DocSpacePlan.Unpaid);
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(DocSpaceSimulator.AuditFilterPath);
        Assert.Equal(402, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("GET", DocSpaceSimulator.AuditLastPath)]
    [InlineData("GET", DocSpaceSimulator.AuditFilterPath)]
    [InlineData("POST", DocSpaceSimulator.AuditReportPath)]
    public async Task AuditRoutes_NonAdmin_Is403AccessDenied(string method, string path)
    {
        await using var sim = await StartAsync();
        using var http = Clients.DocSpace(sim, withAuth: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultNonAdminApiKey);
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("Access denied", (await Clients.JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task AuditFilter_Unauthenticated_Is401()
    {
        await using var sim = await StartAsync();
        using var http = Clients.DocSpace(sim, withAuth: false);
        using var response = await http.GetAsync(DocSpaceSimulator.AuditFilterPath);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task AuditReport_Synchronous_AnswersAnAuditTrailCsvUrl()
    {
        await using var sim = await StartAsync();
        using var http = Clients.DocSpace(sim);
        using var response = await http.PostAsync(DocSpaceSimulator.AuditReportPath, null);
        var url = (await Clients.JsonAsync(response)).GetProperty("response").GetString()!;
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out _), url);
        Assert.Contains("AuditTrail.csv", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditReport_NoAuditPlan_Is402()
    {
        await using var sim = await StartAsync(DocSpacePlan.NoAuditPlan);
        using var http = Clients.DocSpace(sim);
        using var response = await http.PostAsync(DocSpaceSimulator.AuditReportPath, null);
        Assert.Equal(402, (int)response.StatusCode);
    }

    [Fact]
    public async Task AuditReport_Asynchronous_IsAJobOfItsOwnBesideTheLoginReport()
    {
        await using var sim = await StartAsync(mode: DocSpaceReportMode.Asynchronous);
        using var http = Clients.DocSpace(sim);
        using var start = await http.PostAsync(DocSpaceSimulator.AuditReportPath + "?format=Csv", null);
        Assert.False((await Clients.JsonAsync(start)).GetProperty("response").GetProperty("isCompleted").GetBoolean());
        Assert.False((await Clients.GetJsonAsync(http, DocSpaceSimulator.ReportPath)).TryGetProperty("response", out _));

        var done = (await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditReportPath)).GetProperty("response");
        Assert.True(done.GetProperty("isCompleted").GetBoolean());
        Assert.StartsWith("AuditTrail_", done.GetProperty("resultFileName").GetString(), StringComparison.Ordinal);
        using var cancel = await http.DeleteAsync(DocSpaceSimulator.AuditReportPath);
        Assert.Equal(200, (int)cancel.StatusCode);
        Assert.False((await Clients.GetJsonAsync(http, DocSpaceSimulator.AuditReportPath)).TryGetProperty("response", out _));
    }
}
