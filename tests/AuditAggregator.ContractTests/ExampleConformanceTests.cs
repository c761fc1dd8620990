using AuditAggregator.ContractTests.OpenApi;

namespace AuditAggregator.ContractTests;

/// <summary>
/// The example bodies of <c>Contracts/examples</c> validate against the documents (corrected where a known
/// deviation is named), which also proves the schema machinery accepts what the vendors really send.
/// </summary>
public sealed class ExampleConformanceTests
{
    [Fact]
    public Task DocSpaceLoginFilterExample_ValidatesAgainstFilter200() =>
        Check(VendorContracts.DocSpace, "docspace-login-filter.200.json", "/api/2.0/security/audit/login/filter", 200);

    [Fact]
    public Task ExaVaultSessionExample_ValidatesAgainstSession200() =>
        Check(VendorContracts.ExaVault, "exavault-session-logs.200.json", "/api/v2/activity/session", 200);

    [Fact]
    public Task ExaVaultWebhookExample_ValidatesAgainstWebhooks200WithNamedDeviations() =>
        Check(
            VendorContracts.For(VendorContracts.ExaVaultVendor, [KnownDeviations.ExaVaultWebhookOneOfWithoutMapping, KnownDeviations.ExaVaultFileCountNullable]),
            "exavault-webhook-logs.200.json",
            "/api/v2/activity/webhooks",
            200);

    [Fact]
    public Task ExaVaultErrorExample_ValidatesAgainstTheUndocumentedErrorSchema() =>
        Check(VendorContracts.ExaVault, "exavault-error.401.json", "/api/v2/activity/session", 401, KnownDeviations.ExaVaultUndocumentedErrors);

    [Fact]
    public async Task DocSpaceLoginFilterExample_WithDateWithoutZoneOrWrongType_Fails()
    {
        var body = await File.ReadAllTextAsync(Path.Combine(ContractTestPaths.Examples, "docspace-login-filter.200.json"));
        var schema = await VendorContracts.DocSpace.ResponseSchemaAsync(VendorContracts.DocSpace.Get("GET", "/api/2.0/security/audit/login/filter"), 200)!;

        Assert.NotEmpty(schema.Validate(body.Replace("\"actionId\": 1000", "\"actionId\": \"1000\"", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(body.Replace("\"id\": 48213", "\"id\": \"48213\"", StringComparison.Ordinal)));
    }

    private static async Task Check(OpenApiContract contract, string example, string path, int status, KnownDeviation? deviation = null)
    {
        var body = await File.ReadAllTextAsync(Path.Combine(ContractTestPaths.Examples, example));
        await ContractAssert.BodyConformsAsync(contract, "GET", path, status, body, deviation);
    }
}
