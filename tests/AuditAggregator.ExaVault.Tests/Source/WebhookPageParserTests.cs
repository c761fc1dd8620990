using System.Text;
using System.Text.Json;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Parsing;
using AuditAggregator.ExaVault.Tests.Support;
using NodaTime;

namespace AuditAggregator.ExaVault.Tests.Source;

public class WebhookPageParserTests
{
    private const string V1 = """
        {"webhookId":12,"webhookFormat":"v1","webhookPath":"/Inbound","accountId":"7","attemptId":"a1","resend":true,
         "created":"2021-05-10T20:45:39Z","endpointUrl":"https://example.com/v1","event":"resources.delete","status":500,
         "response":"Internal Server Error","ipAddress":"198.51.100.7","resourcePath":"/Inbound/old.csv","username":"asmith",
         "details":{"accountName":"exampleaccount","attempt":3,"attemptId":"a1","event":"resources.delete","protocol":"sftp","username":"asmith"}}
        """;

    [Fact]
    public void Map_ContractExampleV2_EveryFieldPlaced()
    {
        var events = new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).Parse(Encoding.UTF8.GetBytes(ExaVaultJson.Fixture("exavault-webhook-logs.200.json")));

        var mapped = events[0];

        Assert.Equal("exavault:webhook:2602725", mapped.Id);
        Assert.Equal(Instant.FromUtc(2021, 5, 10, 20, 45, 39), mapped.Time);
        Assert.Equal(Offset.FromHours(-7), mapped.Offset);
        Assert.Equal((AuditActions.WebhookDelivery, AuditCategory.Webhook, AuditOutcome.Success), (mapped.Action, mapped.Category, mapped.Outcome));
        Assert.Equal("resources.upload", mapped.VendorAction);
        Assert.Equal(new AuditActor(null, "jdoe", "jdoe"), mapped.Actor);
        Assert.Equal("203.0.113.24", mapped.Ip);
        Assert.Equal("/Production/Inbound/report-2021-05-10.csv", mapped.Resource);
        Assert.Equal("https://example.com/api/webhook", mapped.Details["endpointUrl"].AsString());
        Assert.Equal(AuditValue.FromInt64(200), mapped.Details["status"]);
        Assert.Equal("OK", mapped.Details["response"].AsString());
        Assert.Equal("60999b73c1f0e2", mapped.Details["attemptId"].AsString());
        Assert.Equal(AuditValue.FromBoolean(false), mapped.Details["resend"]);
        Assert.Equal(AuditValue.FromInt64(311), mapped.Details["webhookId"]);
        Assert.Equal("/Production", mapped.Details["webhookPath"].AsString());
        Assert.Equal("7", mapped.Details["accountId"].AsString());
        Assert.Equal("v2", mapped.Details["webhookFormat"].AsString());
        Assert.Equal("web", mapped.Details["protocol"].AsString());
        Assert.Equal("2021-05-10T13:45:38-07:00", mapped.Details["eventTimestamp"].AsString());
        Assert.Equal("success", mapped.Details["transferStatus"].AsString());
        Assert.False(mapped.Details.ContainsKey("attempt"));
        var details = mapped.Details["details"];
        Assert.Equal(AuditValueKind.Json, details.Kind);
        using var raw = JsonDocument.Parse(details.AsString()!);
        Assert.Equal(2559471, raw.RootElement.GetProperty("eventData").GetProperty("resources")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public void Map_V1Shape_ReadsV1Details()
    {
        var mapped = Map(V1);

        Assert.Equal(AuditOutcome.Failure, mapped.Outcome);
        Assert.Equal("resources.delete", mapped.VendorAction);
        Assert.Equal(AuditValue.FromInt64(3), mapped.Details["attempt"]);
        Assert.Equal("sftp", mapped.Details["protocol"].AsString());
        Assert.Equal(AuditValue.FromBoolean(true), mapped.Details["resend"]);
        Assert.False(mapped.Details.ContainsKey("eventTimestamp"));
        Assert.Equal("/Inbound/old.csv", mapped.Resource);
    }

    [Fact]
    public void Map_FormatMissing_ReadAsV1()
    {
        var mapped = Map(V1.Replace("\"webhookFormat\":\"v1\",", string.Empty, StringComparison.Ordinal));

        Assert.Equal(AuditValue.FromInt64(3), mapped.Details["attempt"]);
        Assert.False(mapped.Details.ContainsKey("webhookFormat"));
    }

    [Fact]
    public void Map_UnknownFormat_KeepsRawDetailsOnly()
    {
        var mapped = Map(V1.Replace("\"v1\"", "\"v3\"", StringComparison.Ordinal));

        Assert.False(mapped.Details.ContainsKey("attempt"));
        Assert.False(mapped.Details.ContainsKey("protocol"));
        Assert.Contains("\"attempt\":3", mapped.Details["details"].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_V2WithoutTopLevelUserAndAddress_TakesThemFromDetails()
    {
        var mapped = Map("""{"webhookFormat":"v2","created":"2021-05-10T20:45:39Z","status":200,"details":{"username":"share-visitor","ipAddress":"192.0.2.9","eventData":{}}}""");

        Assert.Equal(new AuditActor(null, "share-visitor", "share-visitor"), mapped.Actor);
        Assert.Equal("192.0.2.9", mapped.Ip);
        Assert.False(mapped.Details.ContainsKey("transferStatus"));
    }

    [Theory]
    [InlineData("200", AuditOutcome.Success)]
    [InlineData("204", AuditOutcome.Success)]
    [InlineData("299", AuditOutcome.Success)]
    [InlineData("301", AuditOutcome.Failure)]
    [InlineData("404", AuditOutcome.Failure)]
    [InlineData("0", AuditOutcome.Failure)]
    [InlineData("\"503\"", AuditOutcome.Failure)]
    [InlineData("null", AuditOutcome.Unknown)]
    public void Map_ListenerStatus_DecidesOutcome(string status, AuditOutcome expected) =>
        Assert.Equal(expected, Map($$"""{"created":"2021-05-10T20:45:39Z","status":{{status}}}""").Outcome);

    [Fact]
    public void Map_OnlyCreated_EverythingElseEmpty()
    {
        var mapped = Map("""{"created":"2021-05-10T20:45:39+02:00"}""");

        Assert.Equal(AuditActions.WebhookDelivery, mapped.Action);
        Assert.Equal(AuditOutcome.Unknown, mapped.Outcome);
        Assert.Equal(AuditActor.Unknown, mapped.Actor);
        Assert.Null(mapped.Ip);
        Assert.Null(mapped.Resource);
        Assert.Equal(string.Empty, mapped.VendorAction);
        Assert.Empty(mapped.Details);
    }

    [Fact]
    public void Map_LegacyExampleShape_UndeclaredFieldsKept()
    {
        var mapped = Map("""{"attempt":1,"created":"2020-07-30T03:40:35-07:00","endpointUrl":"https://example.com/api/webhook","event":"Upload","response":"","responseSize":0,"status":200}""");

        Assert.Equal("Upload", mapped.VendorAction);
        Assert.Equal(AuditValue.FromInt64(1), mapped.Details["attempt"]);
        Assert.Equal(AuditValue.FromInt64(0), mapped.Details["responseSize"]);
        Assert.Equal(Offset.FromHours(-7), mapped.Offset);
    }

    [Fact]
    public void Map_NumbersWhereStringsAreDeclared_KeptAsText()
    {
        var mapped = Map("""{"created":"2021-05-10T20:45:39Z","accountId":7,"attemptId":12345678901234567890,"webhookId":"311","status":"200","response":true}""");

        Assert.Equal("7", mapped.Details["accountId"].AsString());
        Assert.Equal("12345678901234567890", mapped.Details["attemptId"].AsString());
        Assert.Equal(AuditValue.FromInt64(311), mapped.Details["webhookId"]);
        Assert.Equal(AuditOutcome.Success, mapped.Outcome);
        Assert.Equal("true", mapped.Details["response"].AsString());
    }

    [Fact]
    public void Map_NoCreated_MalformedErrorNamingTheEntry()
    {
        var ex = Assert.Throws<AuditSourceException>(() => Map("""{"status":200}"""));

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("Entry 99 of the webhook log", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_IncludeRawRecord_KeepsTheVendorEntry()
    {
        var mapped = Map(V1, includeRawRecord: true);

        Assert.Equal(ExaVaultJson.WebhookAttributes(99, V1), mapped.RawRecord);
        using var raw = JsonDocument.Parse(mapped.RawRecord!);
        Assert.Equal(99, raw.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(3, raw.RootElement.GetProperty("attributes").GetProperty("details").GetProperty("attempt").GetInt32());
    }

    private static AuditEvent Map(string attributesJson, bool includeRawRecord = false)
    {
        // Both readers build through the one Map: the fast reader and the DTO path must agree on every entry.
        var body = Encoding.UTF8.GetBytes(ExaVaultJson.Page(ExaVaultJson.WebhookAttributes(99, attributesJson)));
        var fast = new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache(), includeRawRecord).Parse(body);
        var dto = new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache(), includeRawRecord).ParseThroughDtos(body).GetEvents();
        Assert.Equal(dto, fast);
        Assert.Equal(dto.Select(e => e.RawRecord), fast.Select(e => e.RawRecord));
        return Assert.Single(fast);
    }
}
