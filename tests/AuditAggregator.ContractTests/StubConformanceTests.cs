using AuditAggregator.ContractTests.OpenApi;
using AuditAggregator.ContractTests.Stubs;

namespace AuditAggregator.ContractTests;

/// <summary>
/// Every stub body the WireMock server serves validates against the response schema its operation declares, with
/// the document corrected only by the known deviations the stub names.
/// </summary>
public sealed class StubConformanceTests
{
    /// <summary>Gets every stub mapping, by vendor, file and name.</summary>
    public static TheoryData<string, string, string> Stubs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var stub in StubMapping.LoadAll())
        {
            data.Add(stub.Vendor, stub.File, stub.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stubs))]
    public async Task StubBody_ValidatesAgainstDeclaredResponseSchema(string vendor, string file, string name)
    {
        var stub = StubMapping.Load(vendor).Single(s => s.File == file && s.Name == name);
        var contract = VendorContracts.For(vendor, stub.Deviations);
        var operation = contract.Get(stub.Method, stub.Path);
        var replacement = stub.Deviations.SingleOrDefault(d => d.ResponseSchema is not null);

        if (stub.Body is null)
        {
            var declaresBody = operation.Responses.TryGetValue(stub.Status, out var declared) && declared is not null;
            Assert.True(
                !declaresBody || stub.Deviations.Contains(KnownDeviations.DocSpaceEmptyErrorBody),
                $"{stub}: {operation} declares a JSON body for {stub.Status}, the stub sends none and names no deviation.");
            return;
        }

        Assert.StartsWith("application/json", stub.Headers.GetValueOrDefault("Content-Type") ?? "", StringComparison.Ordinal);
        await ContractAssert.BodyConformsAsync(contract, stub.Method, stub.Path, stub.Status, stub.Body, replacement);
    }

    [Fact]
    public void StubMappings_CoverEveryErrorStatusOfBothVendors()
    {
        var stubs = StubMapping.LoadAll();
        Assert.Equal([400, 401, 402, 403, 429, 500], Statuses(stubs, VendorContracts.DocSpaceVendor, s => s >= 400));
        Assert.Equal([400, 401, 403, 429, 500], Statuses(stubs, VendorContracts.ExaVaultVendor, s => s >= 400));
    }

    [Fact]
    public void StubMappings_ServeBothWebhookFormats()
    {
        var webhookBodies = StubMapping.Load(VendorContracts.ExaVaultVendor)
            .Where(s => s.Path.EndsWith("/activity/webhooks", StringComparison.Ordinal) && s.Status == 200)
            .Select(s => s.Body ?? "")
            .ToList();
        Assert.Contains(webhookBodies, b => b.Contains("\"webhookFormat\":\"v1\"", StringComparison.Ordinal));
        Assert.Contains(webhookBodies, b => b.Contains("\"webhookFormat\":\"v2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void StubMappings_ServeBothDocSpaceReportShapes()
    {
        var reports = StubMapping.Load(VendorContracts.DocSpaceVendor).Where(s => s.Path.EndsWith("/login/report", StringComparison.Ordinal)).ToList();
        Assert.Contains(reports, r => r.Deviations.Contains(KnownDeviations.DocSpaceReportIsPlainUrl));
        Assert.Contains(reports, r => r.Method == "POST" && r.Deviations.Count == 0);
        Assert.Contains(reports, r => r.Method == "GET");
    }

    private static int[] Statuses(IEnumerable<StubMapping> stubs, string vendor, Func<int, bool> keep) =>
        [.. stubs.Where(s => s.Vendor == vendor).Select(s => s.Status).Where(keep).Distinct().Order()];
}
