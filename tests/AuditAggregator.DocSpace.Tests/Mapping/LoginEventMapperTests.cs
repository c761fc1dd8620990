using System.Text;
using System.Text.Json;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;
using NodaTime;

namespace AuditAggregator.DocSpace.Tests.Mapping;

/// <summary>
/// The mapping of a login record to an <see cref="AuditEvent"/>, through the one path records take: the page parser.
/// </summary>
public class LoginEventMapperTests
{
    private static List<AuditEvent> ReadFixture(string name, bool includeRawRecord = false, string source = DocSpaceSourceNames.Source) =>
        new LoginPageParser(source, includeRawRecord).Parse(Encoding.UTF8.GetBytes(Fixture.Read(name)), 200, 2);

    private static LoginRecord Record(string date = "2025-06-02T12:15:42.0000000+03:00", int? actionId = 1000) =>
        new() { Id = 1, Date = date, ActionId = actionId };

    private static AuditEvent Map(LoginRecord record) =>
        Assert.Single(new LoginPageParser().Parse(Encoding.UTF8.GetBytes(FakePortal.Envelope([record])), 200, 1));

    [Fact]
    public void Map_FixtureSuccess_FillsEveryField()
    {
        var e = ReadFixture("login-filter.200.json")[0];

        Assert.Equal("docspace:login:48213", e.Id);
        Assert.Equal(("docspace", "login", "48213"), (e.Source, e.Stream, e.SourceId));
        Assert.Equal(Instant.FromUtc(2025, 6, 2, 9, 15, 42), e.Time);
        Assert.Equal(Offset.FromHours(3), e.Offset);
        Assert.Equal(AuditCategory.Authentication, e.Category);
        Assert.Equal((AuditActions.Login, AuditOutcome.Success), (e.Action, e.Outcome));
        Assert.Equal(new AuditActor("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10", "Jane Smith", "jane.smith@example.com"), e.Actor);
        Assert.Equal("203.0.113.24", e.Ip);
        Assert.Equal("Chrome 125.0; Windows 10", e.UserAgent);
        Assert.Equal("Riga, Latvia", e.Location);
        Assert.Equal(("1000", "LoginSuccess"), (e.VendorAction, e.VendorActionName));
        Assert.Equal("Login Success", e.Details["action"].AsString());
        Assert.Equal("https://portal.example.com/login", e.Details["page"].AsString());
        Assert.Null(e.RawRecord);
    }

    [Fact]
    public void Map_FixtureFailureWithEmptyGuidAndEmptyLocation_NullActorIdAndNoLocation()
    {
        var e = ReadFixture("login-filter.200.json")[1];

        Assert.Equal((AuditActions.Login, AuditOutcome.Failure), (e.Action, e.Outcome));
        Assert.Null(e.Actor.Id);
        Assert.Equal("unknown@example.com", e.Actor.Login);
        Assert.Null(e.Location);
        Assert.Equal("LoginFailInvalidCombination", e.VendorActionName);
    }

    [Fact]
    public void Map_SparseRecord_OmittedFieldsAreNullAndUnknownFieldsKept()
    {
        var e = ReadFixture("login-filter.sparse.json")[0];

        Assert.Equal(AuditActor.Unknown, e.Actor);
        Assert.Equal("2001", e.Ip);
        Assert.Equal("Safari 17.4", e.UserAgent);
        Assert.Null(e.Location);
        Assert.Equal("LoginFailBruteForce", e.VendorActionName);
        Assert.Equal(AuditOutcome.Failure, e.Outcome);
        Assert.Equal("{\"risk\":\"high\"}", e.Details["futureField"].AsString());
        Assert.False(e.Details.ContainsKey("page"));
    }

    [Theory]
    [InlineData(null, "Windows", "Windows")]
    [InlineData("Chrome 125.0", "", "Chrome 125.0")]
    [InlineData(null, null, null)]
    public void Map_UserAgent_EitherPartAlone(string? browser, string? platform, string? expected)
    {
        var e = Map(Record() with { Browser = browser, Platform = platform });

        Assert.Equal(expected, e.UserAgent);
    }

    [Theory]
    [InlineData("Riga", null, "Riga")]
    [InlineData("", "Latvia", "Latvia")]
    public void Map_Location_EitherPartAlone(string? city, string? country, string expected)
    {
        var e = Map(Record() with { City = city, Country = country });

        Assert.Equal(expected, e.Location);
    }

    [Fact]
    public void Map_TruncatedIpv6_KeptAsGiven()
    {
        var e = Map(Record() with { Ip = "2a02" });

        Assert.Equal("2a02", e.Ip);
    }

    [Fact]
    public void Map_NamedSource_SourceAndIdCarryTheNameVendorStaysDocSpace()
    {
        var e = ReadFixture("login-filter.200.json", source: "acme-docspace")[0];

        Assert.Equal(("acme-docspace", "docspace", "acme-docspace:login:48213"), (e.Source, e.Vendor, e.Id));
    }

    [Fact]
    public void Map_IncludeRawRecord_KeepsTheRecordsOwnJsonTextIncludingUnknownFields()
    {
        var raw = ReadFixture("login-filter.sparse.json", includeRawRecord: true)[0].RawRecord;

        Assert.Equal("""{"id":7,"date":"2025-06-02T09:15:42.1234567Z","userId":"00000000-0000-0000-0000-000000000000","actionId":1023,"ip":"2001","browser":"Safari 17.4","futureField":{"risk":"high"}}""", raw);
        using var document = JsonDocument.Parse(raw!);
        Assert.Equal(7, document.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("2025-06-02T09:15:42.1234567Z", document.RootElement.GetProperty("date").GetString());
        Assert.Equal("high", document.RootElement.GetProperty("futureField").GetProperty("risk").GetString());
        Assert.False(document.RootElement.TryGetProperty("city", out _));
    }

    [Theory]
    [InlineData("2025-06-02T12:15:42.0000000+03:00", "2025-06-02T09:15:42Z", "+03:00")]
    [InlineData("2025-06-02T09:15:42.0000000Z", "2025-06-02T09:15:42Z", "Z")]
    [InlineData("2025-06-01T23:45:00.1234567-05:30", "2025-06-02T05:15:00.1234567Z", "-05:30")]
    [InlineData("2025-06-03T00:00:00.0000001+14:00", "2025-06-02T10:00:00.0000001Z", "+14:00")]
    [InlineData("2025-06-02T09:15:42.0000000+00:00", "2025-06-02T09:15:42Z", "Z")]
    public void Map_Date_InstantAndOffsetSurviveAJsonRoundTrip(string date, string expectedTime, string expectedOffset)
    {
        var e = Map(Record(date));

        var json = AuditEventJson.Serialize(e);
        var back = AuditEventJson.Deserialize(json);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(expectedTime, document.RootElement.GetProperty("time").GetString());
        Assert.Equal(e.Time, back.Time);
        Assert.Equal(e.Offset, back.Offset);
        var local = e.Time.WithOffset(e.Offset!.Value).ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffo<Z+HH:mm>", null);
        Assert.Equal(date.Replace("+00:00", "Z", StringComparison.Ordinal), local);
        Assert.Equal(expectedOffset, e.Offset!.Value.ToString("Z+HH:mm", null));
    }

    [Theory]
    [InlineData("2025-06-02 12:15:42")]
    [InlineData("2025-06-02T12:15:42.0000000")]
    [InlineData("")]
    public void Map_UnreadableDate_IsMalformedAndNamesTheEvent(string date)
    {
        var ex = Assert.Throws<LoginRecordException>(() => Map(Record(date))).Error;

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("Login event 1", ex.Message, StringComparison.Ordinal);
    }
}
