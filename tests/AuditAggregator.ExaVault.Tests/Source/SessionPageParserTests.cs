using System.Text;
using System.Text.Json;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Parsing;
using AuditAggregator.ExaVault.Tests.Support;
using NodaTime;

namespace AuditAggregator.ExaVault.Tests.Source;

public class SessionPageParserTests
{
    /// <summary>The ExaVault column of the action table in audit-event.md, written out independently of the code.</summary>
    public static TheoryData<string, string, AuditCategory> Operations => new()
    {
        { "PASS", "login", AuditCategory.Authentication },
        { "EXIT", "logout", AuditCategory.Authentication },
        { "STOR", "upload", AuditCategory.File },
        { "RETR", "download", AuditCategory.File },
        { "DELE", "delete", AuditCategory.File },
        { "MKD", "create-folder", AuditCategory.File },
        { "RNTO", "rename", AuditCategory.File },
        { "MOVE", "move", AuditCategory.File },
        { "COPY", "copy", AuditCategory.File },
        { "COMPR", "compress", AuditCategory.File },
        { "EXTRACT", "extract", AuditCategory.File },
        { "SHARE", "share-create", AuditCategory.Sharing },
        { "EDIT_SHARE", "share-update", AuditCategory.Sharing },
        { "DELE_SHARE", "share-delete", AuditCategory.Sharing },
        { "SEND", "send-create", AuditCategory.Sharing },
        { "EDIT_SEND", "send-update", AuditCategory.Sharing },
        { "DELE_SEND", "send-delete", AuditCategory.Sharing },
        { "RECV", "receive-create", AuditCategory.Sharing },
        { "EDIT_RECV", "receive-update", AuditCategory.Sharing },
        { "DELE_RECV", "receive-delete", AuditCategory.Sharing },
        { "DFA", "direct-link-create", AuditCategory.Sharing },
        { "EDIT_DFA", "direct-link-update", AuditCategory.Sharing },
        { "DELE_DFA", "direct-link-delete", AuditCategory.Sharing },
        { "NOTIFY", "notification-create", AuditCategory.Notification },
        { "EDIT_NTFY", "notification-update", AuditCategory.Notification },
        { "DELE_NTFY", "notification-delete", AuditCategory.Notification },
        { "USER", "user-create", AuditCategory.Account },
        { "EDIT_USER", "user-update", AuditCategory.Account },
        { "DELE_USER", "user-delete", AuditCategory.Account },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Map_EveryOperationCode_ActionAndCategoryFromTheTable(string code, string action, AuditCategory category)
    {
        var mapped = Map(ExaVaultJson.Session(7, ExaVaultJson.Newest, code));

        Assert.Equal(action, mapped.Action);
        Assert.Equal(category, mapped.Category);
        Assert.Equal(AuditOutcome.Success, mapped.Outcome);
        Assert.Equal(code, mapped.VendorAction);
        Assert.NotNull(mapped.VendorActionName);
    }

    [Fact]
    public void Operations_TableCoversEveryKnownCode() =>
        Assert.Equal(Operations.Select(row => (string)row[0]).Order(), OperationCodes.Codes.Order());

    [Theory]
    [InlineData("CHMOD")]
    [InlineData("SITE_EXEC")]
    [InlineData("")]
    public void Map_UnknownOperation_KeptAsOtherWithUnknownOutcome(string code)
    {
        var mapped = Map(ExaVaultJson.Session(7, ExaVaultJson.Newest, code));

        Assert.Equal(AuditActions.Other, mapped.Action);
        Assert.Equal(AuditCategory.Other, mapped.Category);
        Assert.Equal(AuditOutcome.Unknown, mapped.Outcome);
        Assert.Equal(code, mapped.VendorAction);
        Assert.Null(mapped.VendorActionName);
    }

    [Theory]
    [InlineData("PASS", "failed", AuditOutcome.Failure)]
    [InlineData("PASS", "FAILED", AuditOutcome.Failure)]
    [InlineData("PASS", "-", AuditOutcome.Success)]
    [InlineData("PASS", "", AuditOutcome.Success)]
    [InlineData("PASS", "locked", AuditOutcome.Unknown)]
    [InlineData("STOR", "failed", AuditOutcome.Failure)]
    [InlineData("STOR", "-", AuditOutcome.Success)]
    [InlineData("STOR", "partial", AuditOutcome.Success)]
    [InlineData("CHMOD", "failed", AuditOutcome.Failure)]
    public void Map_Status_DecidesOutcome(string code, string status, AuditOutcome expected)
    {
        var mapped = Map(ExaVaultJson.Session(7, ExaVaultJson.Newest, code, status: status));

        Assert.Equal(expected, mapped.Outcome);
        Assert.Equal(code == "PASS" ? AuditActions.Login : mapped.Action, mapped.Action);
    }

    [Theory]
    [InlineData("2021-05-10T20:44:59Z", "2021-05-10T20:44:59Z", "+00:00")]
    [InlineData("2021-05-10T13:45:39-07:00", "2021-05-10T20:45:39Z", "-07:00")]
    [InlineData("2021-05-11T00:15:39+03:30", "2021-05-10T20:45:39Z", "+03:30")]
    [InlineData("2021-05-10T20:44:59.25Z", "2021-05-10T20:44:59.25Z", "+00:00")]
    [InlineData("2021-05-10T20:44:59", "2021-05-10T20:44:59Z", null)]
    public void Map_Created_InstantAndOffsetKept(string created, string expectedUtc, string? expectedOffset)
    {
        var mapped = Map(ExaVaultJson.SessionAttributes(7, $$"""{"created":"{{created}}","operation":"PASS"}"""));

        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expectedUtc).Value, mapped.Time);
        Assert.Equal(expectedOffset, mapped.Offset is { } o ? NodaTime.Text.OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(o) : null);
    }

    [Theory]
    [InlineData("""{"operation":"PASS"}""")]
    [InlineData("""{"created":"yesterday"}""")]
    [InlineData("""{"created":null}""")]
    public void Map_NoReadableCreated_MalformedErrorNamingTheEntry(string attributes)
    {
        var ex = Assert.Throws<AuditSourceException>(() => Map(ExaVaultJson.SessionAttributes(4711, attributes)));

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("Entry 4711 of the session log", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NoId_MalformedError()
    {
        var ex = Assert.Throws<AuditSourceException>(() => Map("""{"type":"sessionActivity","attributes":{"created":"2021-05-10T20:44:59Z"}}"""));

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public void Map_OnlyIdAndCreated_EverythingElseEmpty()
    {
        var mapped = Map(ExaVaultJson.SessionAttributes(7, """{"created":"2021-05-10T20:44:59Z"}"""));

        Assert.Equal("exavault:session:7", mapped.Id);
        Assert.Equal(AuditActor.Unknown, mapped.Actor);
        Assert.Null(mapped.Ip);
        Assert.Null(mapped.Resource);
        Assert.Equal(string.Empty, mapped.VendorAction);
        Assert.Empty(mapped.Details);
        Assert.Null(mapped.RawRecord);
    }

    [Fact]
    public void Map_ContractExample_EveryFieldPlaced()
    {
        var events = new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).Parse(Encoding.UTF8.GetBytes(ExaVaultJson.Fixture("exavault-session-logs.200.json")));

        var upload = events[1];

        Assert.Equal("exavault:session:48213391", upload.Id);
        Assert.Equal(("exavault", "session", "48213391"), (upload.Source, upload.Stream, upload.SourceId));
        Assert.Equal(Instant.FromUtc(2021, 5, 10, 20, 45, 38), upload.Time);
        Assert.Equal(Offset.Zero, upload.Offset);
        Assert.Equal((AuditActions.Upload, AuditCategory.File, AuditOutcome.Success), (upload.Action, upload.Category, upload.Outcome));
        Assert.Equal(new AuditActor(null, "jdoe", "jdoe"), upload.Actor);
        Assert.Equal("203.0.113.24", upload.Ip);
        Assert.Equal("/Production/Inbound/report-2021-05-10.csv", upload.Resource);
        Assert.Equal(("STOR", "Upload"), (upload.VendorAction, upload.VendorActionName));
        Assert.Equal("web", upload.Details["protocol"].AsString());
        Assert.Equal("60999b4b8e2f1c3d7a95b06e4f18a2c9d3e7b15f0a6c4", upload.Details["sessionId"].AsString());
        Assert.Equal("-", upload.Details["status"].AsString());
        Assert.Equal(AuditValue.FromInt64(10815676), upload.Details["bytesTransferred"]);
        Assert.Equal(AuditValue.FromInt64(5), upload.Details["duration"]);
        Assert.False(upload.Details.ContainsKey("fileSource"));
    }

    [Theory]
    [InlineData("RNTO")]
    [InlineData("MOVE")]
    public void Map_RenameOrMove_NewPathAsResourceOldPathInDetails(string code)
    {
        var mapped = Map(ExaVaultJson.SessionAttributes(7, $$"""{"created":"2021-05-10T20:44:59Z","operation":"{{code}}","fileName":"/new/name.txt","fileSource":"/old/name.txt"}"""));

        Assert.Equal("/new/name.txt", mapped.Resource);
        Assert.Equal("/old/name.txt", mapped.Details["oldPath"].AsString());
        Assert.Equal("/old/name.txt", mapped.Details["fileSource"].AsString());
    }

    [Fact]
    public void Map_UndeclaredAttribute_KeptInDetails()
    {
        var mapped = Map(ExaVaultJson.SessionAttributes(7, """{"created":"2021-05-10T20:44:59Z","operation":"PASS","country":"DE","flags":{"mfa":true}}"""));

        Assert.Equal("DE", mapped.Details["country"].AsString());
        Assert.Equal(AuditValueKind.Json, mapped.Details["flags"].Kind);
    }

    [Fact]
    public void Map_IncludeRawRecord_KeepsTheVendorEntry()
    {
        var entry = ExaVaultJson.Session(48213391, ExaVaultJson.Newest, "STOR");

        var mapped = Map(entry, includeRawRecord: true);

        Assert.Equal(entry, mapped.RawRecord);
        using var raw = JsonDocument.Parse(mapped.RawRecord!);
        Assert.Equal(48213391, raw.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("STOR", raw.RootElement.GetProperty("attributes").GetProperty("operation").GetString());
    }

    [Fact]
    public void Map_ConfiguredSourceName_InSourceAndId()
    {
        var mapped = Map(ExaVaultJson.Session(7, ExaVaultJson.Newest), source: "acme-exavault");

        Assert.Equal(("acme-exavault", ExaVaultSourceNames.Vendor), (mapped.Source, mapped.Vendor));
        Assert.Equal("acme-exavault:session:7", mapped.Id);
    }

    [Fact]
    public void Parse_NoReadableCreated_ErrorNamesTheConfiguredSource()
    {
        var parser = new SessionPageParser("acme-exavault", new Utf8StringCache());

        var ex = Assert.Throws<AuditSourceException>(() => parser.Parse(Encoding.UTF8.GetBytes(ExaVaultJson.Page(ExaVaultJson.SessionAttributes(5, "{}")))));

        Assert.Equal("acme-exavault", ex.SourceName);
        Assert.StartsWith("acme-exavault", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login", "-", AuditOutcome.Success)]
    [InlineData("login", "x", AuditOutcome.Unknown)]
    [InlineData("other", "-", AuditOutcome.Unknown)]
    [InlineData("upload", " FAILED", AuditOutcome.Failure)]
    [InlineData("upload", null, AuditOutcome.Success)]
    public void OutcomeOf_ActionAndStatus_AsTheParserDecides(string action, string? status, AuditOutcome expected) =>
        Assert.Equal(expected, SessionPageParser.OutcomeOf(action, status));

    private static AuditEvent Map(string entryJson, bool includeRawRecord = false, string source = ExaVaultSourceNames.Source)
    {
        // Both readers build through the one Map: the fast reader and the DTO path must agree on every entry.
        var body = Encoding.UTF8.GetBytes(ExaVaultJson.Page(entryJson));
        var fast = new SessionPageParser(source, new Utf8StringCache(), includeRawRecord).Parse(body);
        var dto = new SessionPageParser(source, new Utf8StringCache(), includeRawRecord).ParseThroughDtos(body).GetEvents();
        Assert.Equal(dto, fast);
        Assert.Equal(dto.Select(e => e.RawRecord), fast.Select(e => e.RawRecord));
        return Assert.Single(fast);
    }
}
