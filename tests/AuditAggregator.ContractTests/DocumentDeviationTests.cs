using System.Text.Json.Nodes;
using AuditAggregator.ContractTests.OpenApi;

namespace AuditAggregator.ContractTests;

/// <summary>
/// Each known defect of the vendor documents (<c>Contracts/README.md</c>) is proven on the document as
/// published and named, so the tests that rely on it never skip a check silently, and a vendor fix shows up as a
/// failing test here that says which deviation can go.
/// </summary>
public sealed class DocumentDeviationTests
{
    private const string Filter = "/api/2.0/security/audit/login/filter";
    private const string Report = "/api/2.0/security/audit/login/report";
    private const string Sessions = "/api/v2/activity/session";
    private const string Webhooks = "/api/v2/activity/webhooks";

    [Fact]
    public void DocSpace_ApiKeyBearerHeaderIgnored_DocumentDeclaresHeaderNamedApiKeyBearer()
    {
        var scheme = VendorContracts.DocSpaceAsPublished.Document["components"]!["securitySchemes"]!["ApiKeyBearer"]!;

        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("header", (string?)scheme["in"]);
        Assert.Equal("ApiKeyBearer", (string?)scheme["name"]);
        Assert.Contains("Authorization: Bearer", KnownDeviations.DocSpaceApiKeyBearerHeader.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocSpace_ReportAnswersPlainUrl_PublishedSchemaRejectsTheServersAnswer()
    {
        var contract = VendorContracts.DocSpaceAsPublished;
        var operation = contract.Get("POST", Report);
        const string answer = """{"response":"https://portal.example.com/Products/Files/HttpHandlers/filehandler.ashx?action=view&fileid=4711","count":1,"links":[],"status":0,"statusCode":200}""";

        var errors = (await contract.ResponseSchemaAsync(operation, 200)!).Validate(answer);

        Assert.NotEmpty(errors);
        await ContractAssert.BodyConformsAsync(contract, "POST", Report, 200, answer, KnownDeviations.DocSpaceReportIsPlainUrl);
    }

    [Fact]
    public async Task DocSpace_ResultFileIdTypedNull_PublishedSchemaRejectsAFileId()
    {
        const string dto = """{"id":"DocumentBuilderTask_1","error":null,"percentage":100,"isCompleted":true,"status":2,"resultFileId":1234,"resultFileName":"r.xlsx","resultFileUrl":"/doceditor?fileid=1234"}""";

        Assert.NotEmpty(await ContractAssert.ComponentErrorsAsync(VendorContracts.DocSpaceAsPublished, "DocumentBuilderTaskDto", dto));
        Assert.Empty(await ContractAssert.ComponentErrorsAsync(
            VendorContracts.For(VendorContracts.DocSpaceVendor, [KnownDeviations.DocSpaceResultFileIdTypedNull]), "DocumentBuilderTaskDto", dto));
    }

    [Fact]
    public void DocSpace_CountIsPageSize_DocumentDescribesCountAsTotal()
    {
        var count = VendorContracts.DocSpaceAsPublished.Document["components"]!["schemas"]!["LoginEventArrayWrapper"]!["properties"]!["count"]!;

        Assert.Contains("total number", (string?)count["description"], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(402)]
    [InlineData(403)]
    public void DocSpace_UndeclaredErrorBody_StatusDeclaredWithoutContent(int status)
    {
        var operation = VendorContracts.DocSpaceAsPublished.Get("GET", Filter);

        Assert.True(operation.Responses.ContainsKey(status));
        Assert.Null(operation.Responses[status]);
        Assert.NotNull(KnownDeviations.DocSpaceUndeclaredErrorBody.ResponseSchema);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(429)]
    public void DocSpace_EmptyErrorBody_StatusDeclaredWithJsonContent(int status)
    {
        var operation = VendorContracts.DocSpaceAsPublished.Get("GET", Filter);

        Assert.Equal("#/components/schemas/ErrorApiResponse", (string?)operation.Responses[status]!["$ref"]);
    }

    [Fact]
    public void DocSpace_ValidationErrorInSuccessEnvelope_400DeclaredAsErrorApiResponse()
    {
        var operation = VendorContracts.DocSpaceAsPublished.Get("GET", Filter);

        Assert.Equal("#/components/schemas/ErrorApiResponse", (string?)operation.Responses[400]!["$ref"]);
    }

    [Fact]
    public async Task ExaVault_WebhookOneOfWithoutMapping_PublishedSchemaRejectsEveryWebhookEntry()
    {
        // fileCount 1 keeps the other deviation out of the way: only the oneOf is left to fail.
        var body = (await File.ReadAllTextAsync(Path.Combine(ContractTestPaths.Examples, "exavault-webhook-logs.200.json")))
            .Replace("\"fileCount\": null", "\"fileCount\": 1", StringComparison.Ordinal);
        var published = VendorContracts.ExaVaultAsPublished;
        var corrected = VendorContracts.For(VendorContracts.ExaVaultVendor, [KnownDeviations.ExaVaultWebhookOneOfWithoutMapping]);

        var errors = (await published.ResponseSchemaAsync(published.Get("GET", Webhooks), 200)!).Validate(body);

        Assert.Contains(ContractAssert.Flatten(errors), e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NotOneOf);
        await ContractAssert.BodyConformsAsync(corrected, "GET", Webhooks, 200, body);
    }

    [Fact]
    public async Task ExaVault_WebhookOneOfWithoutMapping_CorrectionTellsTheShapesApartByWebhookFormat()
    {
        var contract = VendorContracts.For(VendorContracts.ExaVaultVendor, [KnownDeviations.ExaVaultWebhookOneOfWithoutMapping]);
        var v1 = """{"webhookFormat":"v1","event":"resources.upload","details":{"attempt":1}}""";
        var v1CalledV2 = v1.Replace("\"v1\"", "\"v2\"", StringComparison.Ordinal);

        Assert.Empty(await ContractAssert.ComponentErrorsAsync(contract, "WebhookActivityAttributesV1", v1));
        Assert.NotEmpty(await ContractAssert.ComponentErrorsAsync(contract, "WebhookActivityAttributesV2", v1CalledV2));
    }

    [Fact]
    public async Task ExaVault_FileCountNullNotNullable_PublishedSchemaRejectsNullFileCount()
    {
        var oneOfOnly = VendorContracts.For(VendorContracts.ExaVaultVendor, [KnownDeviations.ExaVaultWebhookOneOfWithoutMapping]);
        var both = VendorContracts.For(VendorContracts.ExaVaultVendor, [KnownDeviations.ExaVaultWebhookOneOfWithoutMapping, KnownDeviations.ExaVaultFileCountNullable]);
        const string v2 = """{"webhookFormat":"v2","details":{"eventData":{"resources":[{"type":"file","fileCount":null}]}}}""";

        Assert.NotEmpty(await ContractAssert.ComponentErrorsAsync(oneOfOnly, "WebhookActivityAttributesV2", v2));
        Assert.Empty(await ContractAssert.ComponentErrorsAsync(both, "WebhookActivityAttributesV2", v2));
    }

    [Fact]
    public async Task ExaVault_WebhookExamplePredatesShapes_DocumentsOwnExampleFailsItsSchema()
    {
        var contract = VendorContracts.ExaVault;
        var example = VendorContracts.ExaVaultAsPublished.Document["paths"]!["/activity/webhooks"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;

        var errors = (await contract.ResponseSchemaAsync(contract.Get("GET", Webhooks), 200)!).Validate(example.ToJsonString());

        Assert.NotEmpty(errors);
        Assert.Equal("Upload", (string?)example["data"]![0]!["attributes"]!["event"]);
        Assert.Null(example["data"]![0]!["attributes"]!["webhookFormat"]);
    }

    [Theory]
    [InlineData(Sessions)]
    [InlineData(Webhooks)]
    public async Task ExaVault_OnlyStatus200Documented_ErrorsNeedTheNamedSchema(string path)
    {
        var operation = VendorContracts.ExaVaultAsPublished.Get("GET", path);
        var error = await File.ReadAllTextAsync(Path.Combine(ContractTestPaths.Examples, "exavault-error.401.json"));

        Assert.Equal([200], operation.Responses.Keys);
        await ContractAssert.BodyConformsAsync(VendorContracts.ExaVault, "GET", path, 401, error, KnownDeviations.ExaVaultUndocumentedErrors);
    }

    [Fact]
    public void KnownDeviations_HaveUniqueIdsAndSummaries()
    {
        Assert.Equal(KnownDeviations.All.Count, KnownDeviations.All.Select(d => d.Id).Distinct().Count());
        Assert.All(KnownDeviations.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Summary)));
    }

    [Fact]
    public async Task StrictContract_MisspeltPropertyInStubBody_Fails()
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ContractTestPaths.Examples, "docspace-login-filter.200.json")))!;
        var item = body["response"]![0]!.AsObject();
        item["userID"] = item["userId"]!.DeepClone();
        item.Remove("userId");

        var schema = await VendorContracts.DocSpace.ResponseSchemaAsync(VendorContracts.DocSpace.Get("GET", Filter), 200)!;

        Assert.NotEmpty(schema.Validate(body.ToJsonString()));
    }
}
