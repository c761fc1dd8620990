using System.Text.Json.Nodes;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// Every known defect of the vendor documents that the contract tests rely on, one named entry each.
/// </summary>
internal static class KnownDeviations
{
    /// <summary>The spec's <c>ApiKeyBearer</c> header is ignored: the server reads <c>Authorization: Bearer sk-...</c>.</summary>
    public static readonly KnownDeviation DocSpaceApiKeyBearerHeader = new(
        "DocSpace.ApiKeyBearerHeaderIgnored",
        "The security scheme ApiKeyBearer is declared as a header named 'ApiKeyBearer'; the server ignores it and reads the API key from 'Authorization: Bearer sk-...'.");

    /// <summary><c>POST /login/report</c> answers a plain URL string on current servers, not a job.</summary>
    public static readonly KnownDeviation DocSpaceReportIsPlainUrl = new(
        "DocSpace.ReportAnswersPlainUrl",
        "POST /api/2.0/security/audit/login/report is declared to answer a DocumentBuilderTaskWrapper (an asynchronous job); the v3.7/v3.8 servers answer a StringWrapper whose response is the absolute URL of a CSV file.")
    {
        ResponseSchema = """
            {
              "type": "object",
              "required": ["response"],
              "properties": {
                "response": { "type": "string", "format": "uri" },
                "count": { "type": "integer" },
                "links": { "type": "array" },
                "status": { "type": "integer", "enum": [0] },
                "statusCode": { "type": "integer", "enum": [200] }
              },
              "additionalProperties": false
            }
            """,
    };

    /// <summary><c>DocumentBuilderTaskDto.resultFileId</c> is typed <c>null</c> but carries a number.</summary>
    public static readonly KnownDeviation DocSpaceResultFileIdTypedNull = new(
        "DocSpace.ResultFileIdTypedNull",
        "DocumentBuilderTaskDto.resultFileId is typed 'null' (its own example is 1234); the server sends the file id, a number.")
    {
        CorrectDocument = doc => Schema(doc, "DocumentBuilderTaskDto")["properties"]!["resultFileId"]!["type"] = new JsonArray("null", "integer"),
    };

    /// <summary><c>count</c> is described as a total but is the number of items on the page.</summary>
    public static readonly KnownDeviation DocSpaceCountIsPageSize = new(
        "DocSpace.CountIsPageSize",
        "The wrappers describe 'count' as the total number of items; the server sends the number of items on this page, so paging must go on while a page is full.");

    /// <summary>402 and 403 answers carry the error body although the document declares no content for them.</summary>
    public static readonly KnownDeviation DocSpaceUndeclaredErrorBody = new(
        "DocSpace.UndeclaredErrorBody",
        "402 and 403 are declared without content; the server answers them with the ErrorApiResponse body ('Access denied', 'Your pricing plan does not support this option').")
    {
        ResponseSchema = """{ "$ref": "#/definitions/ErrorApiResponse" }""",
    };

    /// <summary>401 and 429 usually come with an empty body although JSON content is declared.</summary>
    public static readonly KnownDeviation DocSpaceEmptyErrorBody = new(
        "DocSpace.EmptyErrorBody",
        "401 and 429 are declared with an ErrorApiResponse body; the server usually sends them (and a 402 for an unpaid portal) with an empty body.");

    /// <summary>A 400 from parameter validation comes in the success envelope with a problem-details object.</summary>
    public static readonly KnownDeviation DocSpaceValidationErrorEnvelope = new(
        "DocSpace.ValidationErrorInSuccessEnvelope",
        "400 is declared as an ErrorApiResponse; a parameter-validation 400 comes wrapped in the success envelope with status 1 and a problem-details object in 'response'.")
    {
        ResponseSchema = """
            {
              "type": "object",
              "required": ["response", "status", "statusCode"],
              "properties": {
                "response": {
                  "type": "object",
                  "required": ["status", "title"],
                  "properties": {
                    "type": { "type": "string" },
                    "title": { "type": "string" },
                    "status": { "type": "integer", "enum": [400] },
                    "errors": { "type": "object" },
                    "traceId": { "type": "string" }
                  }
                },
                "count": { "type": "integer" },
                "links": { "type": "array" },
                "status": { "type": "integer", "enum": [1] },
                "statusCode": { "type": "integer", "enum": [400] }
              },
              "additionalProperties": false
            }
            """,
    };

    /// <summary><c>fields</c> is a framework-wide query parameter that no operation declares.</summary>
    public static readonly KnownDeviation DocSpaceFieldsUndeclared = new(
        "DocSpace.FieldsIsFrameworkWide",
        "The query parameter 'fields' (fields=id,date,actionId) prunes the items of 'response' on every route, but no operation declares it; the vendor SDKs send it as a header, which the server ignores.")
    {
        UndeclaredQueryParameter = "fields",
    };

    /// <summary>The webhook <c>oneOf</c> has no discriminator mapping, so V1 and V2 bodies match both branches.</summary>
    public static readonly KnownDeviation ExaVaultWebhookOneOfWithoutMapping = new(
        "ExaVault.WebhookOneOfWithoutMapping",
        "WebhookActivityEntry.attributes is a oneOf of the V1 and V2 shapes with a discriminator but no mapping and no required properties, so every entry matches both branches and fails 'oneOf'; the shape is chosen by webhookFormat ('v1' or 'v2').")
    {
        CorrectDocument = doc =>
        {
            foreach (var (name, format) in new[] { ("WebhookActivityAttributesV1", "v1"), ("WebhookActivityAttributesV2", "v2") })
            {
                var shape = Schema(doc, name);
                shape["properties"]!["webhookFormat"]!["enum"] = new JsonArray(format);
                shape["required"] = new JsonArray("webhookFormat");
            }
        },
    };

    /// <summary>The document's webhook example predates the V1/V2 shapes.</summary>
    public static readonly KnownDeviation ExaVaultWebhookExampleOutdated = new(
        "ExaVault.WebhookExamplePredatesShapes",
        "The example of GET /activity/webhooks ('event: Upload', 'attempt', 'responseSize', no webhookFormat) predates the V1/V2 attribute shapes and fails the document's own schema; stubs follow the schema, not that example.");

    /// <summary><c>fileCount</c> is null for a file but not marked nullable.</summary>
    public static readonly KnownDeviation ExaVaultFileCountNullable = new(
        "ExaVault.FileCountNullNotNullable",
        "V2 eventData.resources[].fileCount is an integer without 'nullable', but it is null for a file (its own description says so).")
    {
        CorrectDocument = doc =>
        {
            var resource = Schema(doc, "WebhookActivityAttributesV2")["properties"]!["details"]!["properties"]!["eventData"]!["properties"]!["resources"]!["items"]!;
            resource["properties"]!["fileCount"]!["nullable"] = true;
        },
    };

    /// <summary>Only 200 is documented; errors share one undocumented body.</summary>
    public static readonly KnownDeviation ExaVaultUndocumentedErrors = new(
        "ExaVault.OnlyStatus200Documented",
        "Only status 200 is documented; the API answers 400, 401, 403, 404, 429, 500 and 503 with {\"responseStatus\":N,\"errors\":[{\"code\",\"detail\"}]}.")
    {
        ResponseSchema = """
            {
              "type": "object",
              "required": ["responseStatus", "errors"],
              "properties": {
                "responseStatus": { "type": "integer", "minimum": 400, "maximum": 599 },
                "errors": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "object",
                    "required": ["code", "detail"],
                    "properties": {
                      "code": { "type": "string", "pattern": "^ERROR_[A-Z_]+$" },
                      "detail": { "type": "string" }
                    },
                    "additionalProperties": false
                  }
                }
              },
              "additionalProperties": false
            }
            """,
    };

    /// <summary>Gets every known deviation.</summary>
    public static IReadOnlyList<KnownDeviation> All { get; } =
    [
        DocSpaceApiKeyBearerHeader, DocSpaceReportIsPlainUrl, DocSpaceResultFileIdTypedNull, DocSpaceCountIsPageSize,
        DocSpaceUndeclaredErrorBody, DocSpaceEmptyErrorBody, DocSpaceValidationErrorEnvelope, DocSpaceFieldsUndeclared,
        ExaVaultWebhookOneOfWithoutMapping, ExaVaultWebhookExampleOutdated, ExaVaultFileCountNullable, ExaVaultUndocumentedErrors,
    ];

    /// <summary>Gets the deviation named <paramref name="id"/>.</summary>
    public static KnownDeviation Get(string id) =>
        All.SingleOrDefault(d => d.Id == id) ?? throw new KeyNotFoundException($"No known deviation is named '{id}'.");

    private static JsonObject Schema(JsonObject document, string name) =>
        document["components"]!["schemas"]![name]!.AsObject();
}
