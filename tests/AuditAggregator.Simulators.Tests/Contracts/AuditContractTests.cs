using System.Text.Json;

namespace AuditAggregator.Simulators.Tests.Contracts;

/// <summary>
/// The simulated audit-trail bodies validate against the vendor's own schemas, from the trimmed document that the
/// contract tests keep (tests/AuditAggregator.ContractTests/Contracts/docspace/audit-trail.openapi.yaml).
/// </summary>
public class AuditContractTests
{
    private const string AuditFixture = "docspace-audit-trail.openapi.yaml";

    [Fact]
    public async Task Audit_FilterAndLastPages_ValidateAgainstAuditEventArrayWrapper()
    {
        var schema = await ContractSchema.LoadAsync(AuditFixture, "AuditEventArrayWrapper");
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim);
        var codes = new HashSet<int>();
        for (var start = 0; start < sim.Data.Audit.Count; start += 100)
        {
            var body = await http.GetStringAsync($"{DocSpaceSimulator.AuditFilterPath}?startIndex={start}&count=100");
            Assert.Empty(ContractSchema.Validate(schema, body));
            codes.UnionWith(JsonDocument.Parse(body).RootElement.GetProperty("response").EnumerateArray().Select(i => i.GetProperty("actionId").GetInt32()));
        }

        Assert.True(codes.Count >= 37, $"{codes.Count} codes checked");
        Assert.Empty(ContractSchema.Validate(schema, await http.GetStringAsync(DocSpaceSimulator.AuditLastPath)));
        Assert.Empty(ContractSchema.Validate(schema, await http.GetStringAsync(DocSpaceSimulator.AuditFilterPath + "?action=FileMoved&fields=id,date,target")));
    }

    [Fact]
    public async Task Audit_EnumsAsNames_FailTheContract_WhichIsWhyItIsOptIn()
    {
        var schema = await ContractSchema.LoadAsync(AuditFixture, "AuditEventArrayWrapper");
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, AuditEnumsAsNames = true });
        using var http = Clients.DocSpace(sim);
        Assert.NotEmpty(ContractSchema.Validate(schema, await http.GetStringAsync(DocSpaceSimulator.AuditLastPath)));
    }

    [Fact]
    public async Task Audit_ServerErrorOfModuleType_ValidatesAgainstErrorApiResponse()
    {
        var schema = await ContractSchema.LoadAsync(AuditFixture, "ErrorApiResponse");
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(DocSpaceSimulator.AuditFilterPath + "?moduleType=Files");
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Empty(ContractSchema.Validate(schema, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Audit_AsyncReport_ValidatesAgainstDocumentBuilderTaskWrapper()
    {
        var schema = await ContractSchema.LoadAsync(AuditFixture, "DocumentBuilderTaskWrapper");
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions
        {
            Now = Clients.Now, ReportMode = DocSpaceReportMode.Asynchronous, ReportPollsToComplete = 2,
        });
        using var http = Clients.DocSpace(sim);
        // CSV, because the contract types resultFileId as null although an XLSX report carries a number (a known defect).
        using var start = await http.PostAsync(DocSpaceSimulator.AuditReportPath + "?format=Csv", null);
        Assert.Empty(ContractSchema.Validate(schema, await start.Content.ReadAsStringAsync()));
        for (var i = 0; i < 2; i++)
        {
            Assert.Empty(ContractSchema.Validate(schema, await http.GetStringAsync(DocSpaceSimulator.AuditReportPath)));
        }
    }
}
