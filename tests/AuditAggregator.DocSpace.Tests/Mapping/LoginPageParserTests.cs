using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Mapping;

/// <summary>
/// The page parser must yield exactly what the obvious reading (source-generated deserialization into records, then
/// the same <see cref="LoginEventMapper.Build"/>) yields, and fail with the right kind where the body is wrong.
/// </summary>
public class LoginPageParserTests
{
    [Theory]
    [InlineData("login-filter.200.json")]
    [InlineData("login-filter.sparse.json")]
    public void Parse_Fixture_EqualsDtoPath(string name)
    {
        AssertSameEvents(Encoding.UTF8.GetBytes(Fixture.Read(name)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Parse_GeneratedPagesWithEveryShape_EqualsDtoPath(int seed)
    {
        var random = new Random(seed);
        for (var page = 0; page < 20; page++)
        {
            var records = Enumerable.Range(0, 100).Select(i => GeneratedRecord(random, (page * 100) + i));
            AssertSameEvents(Encoding.UTF8.GetBytes($$"""{"count":100,"response":[{{string.Join(',', records)}}],"links":[{"href":"x","action":"GET"}],"status":0,"statusCode":200}"""));
        }
    }

    [Theory]
    [InlineData("2025-06-02T12:15:42.0000000+15:00")]
    [InlineData("2025-06-02T12:15:42.0000000-18:00")]
    [InlineData("2025-06-02T12:15:42.0000000+00:00")]
    [InlineData("2025-06-02T12:15:42.0000000-00:00")]
    [InlineData("2025-06-02T12:15:42+03:00")]
    [InlineData("2025-06-02T12:15:42.123456789Z")]
    [InlineData("0001-01-01T00:00:00.0000000+14:00")]
    [InlineData("2024-02-29T23:59:59.9999999+05:45")]
    public void Parse_DatesAtTheEdges_EqualDtoPath(string date)
    {
        AssertSameEvents(Encoding.UTF8.GetBytes($$"""{"response":[{"id":1,"date":"{{date}}","actionId":1000}]}"""));
    }

    [Fact]
    public void Parse_RepeatedValues_ShareOneInstanceAcrossEvents()
    {
        var body = Encoding.UTF8.GetBytes(Fixture.Read("login-filter.200.json"));
        var parser = new LoginPageParser();

        var first = parser.Parse(body, 200, 2);
        var second = parser.Parse(body, 200, 2);

        Assert.Same(first[0].Actor, second[0].Actor);
        Assert.Same(first[0].UserAgent, second[0].UserAgent);
        Assert.Same(first[0].Details, second[0].Details);
        Assert.Same(first[0].Details["page"].AsString(), first[1].Details["page"].AsString());
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("", AuditErrorKind.MalformedResponse)]
    [InlineData("null", AuditErrorKind.MalformedResponse)]
    [InlineData("[]", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"status\":0}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":null}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":{}}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[1]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":\"7\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1.5}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"user\":5}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"userId\":\"nope\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"actionId\":\"10x\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"actionId\":true}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"yesterday\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"2025-02-30T12:15:42.0000000+03:00\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"9999-12-31T23:59:59.9999999-14:00\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"2025-06-02T24:15:42.0000000+03:00\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"2025-06-02T12:15:42.00000x0Z\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"2025-06-02 12:15:42.0000000Z\"}]}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[{\"id\":1,\"date\":\"2025-06-02T12:15:42.0000000+03:00\"}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[],\"status\":\"0\"}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"response\":[]} {}", AuditErrorKind.MalformedResponse)]
    [InlineData("{\"status\":1,\"statusCode\":400,\"error\":{\"message\":\"Invalid action\",\"stack\":\"x\"}}", AuditErrorKind.BadRequest)]
    [InlineData("{\"response\":[],\"status\":1,\"error\":null}", AuditErrorKind.BadRequest)]
    public async Task ReadPage_MalformedOrErrorBody_FailsWithTheKindAndNamesTheSource(string body, AuditErrorKind kind)
    {
        var handler = new StubHttpMessageHandler().Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        var error = UnwrapRecord(await Record.ExceptionAsync(() => TestSetup.ReadPageAsync(handler)));

        var failure = Assert.IsType<AuditSourceException>(error);
        Assert.Equal((kind, "docspace"), (failure.Kind, failure.SourceName));
        Assert.Matches(kind == AuditErrorKind.MalformedResponse ? "^(The response body is not the expected JSON|Login event 1 )" : "success envelope", failure.Description);
    }

    [Fact]
    public async Task ReadPage_InvalidUtf8InAString_IsMalformedNamingTheSource()
    {
        var body = Encoding.UTF8.GetBytes("{\"response\":[{\"id\":1,\"user\":\"a?b\",\"date\":\"2025-06-02T12:15:42.0000000Z\"}]}");
        body[Array.IndexOf(body, (byte)'?')] = 0xC3;
        var handler = new StubHttpMessageHandler().Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });

        var error = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.ReadPageAsync(handler, parser: new LoginPageParser("acme")));

        Assert.Equal((AuditErrorKind.MalformedResponse, "acme"), (error.Kind, error.SourceName));
    }

    [Fact]
    public void Parse_IncludeRawRecord_EachEventKeepsItsRecordsBytesAndIsOtherwiseEqual()
    {
        var body = Encoding.UTF8.GetBytes(Fixture.Read("login-filter.200.json"));

        var plain = new LoginPageParser().Parse(body, 200, 2);
        var raw = new LoginPageParser(includeRawRecord: true).Parse(body, 200, 2);

        using var document = JsonDocument.Parse(body);
        var records = document.RootElement.GetProperty("response").EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Equal(records, raw.Select(e => e.RawRecord));
        Assert.Equal(plain, raw.Select(e => e with { RawRecord = null }));
        Assert.All(plain, e => Assert.Null(e.RawRecord));
    }

    private static Exception? UnwrapRecord(Exception? error) => error is LoginRecordException record ? record.Error : error;

    private static void AssertSameEvents(byte[] body)
    {
        var expected = SerializerOracle.Read(body);

        var actual = new LoginPageParser().Parse(body, 200, expected.Count);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Equal as records, and equal as JSON, which also compares the details' order.
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(AuditEventJson.Serialize(expected[i]), AuditEventJson.Serialize(actual[i]));
        }
    }

    private static readonly string[] Names = ["Jane Smith", "Jörg Müller", "管理者", "O\"Brien", "tab\there", "  ", string.Empty];
    private static readonly string[] Browsers = ["Chrome 125.0", "Firefox 126.0", "Safari 17.4", string.Empty];

    /// <summary>
    /// One record, each field present, null or missing at random; names in any case; escapes; the date in every
    /// shape the portal or a proxy might send; unknown properties of every JSON kind.
    /// </summary>
    private static string GeneratedRecord(Random random, int index)
    {
        var parts = new List<string>();
        void Add(string name, string json)
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                return;
            }

            var key = roll == 1 ? name.ToUpperInvariant() : roll == 2 ? EscapeFirst(name) : name;
            parts.Add($"\"{key}\":{(roll == 3 && name != "id" ? "null" : json)}");
        }

        Add("id", (100_000 - index).ToString(CultureInfo.InvariantCulture));
        parts.Add($"\"date\":{Text(Date(random))}");
        Add("user", Text(Pick(random, Names)));
        Add("userId", Text(random.Next(4) switch
        {
            0 => Guid.Empty.ToString(),
            1 => "3C1B2C7E-9F4A-4D2E-8A51-6F0E2B9D7A10",
            _ => $"3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a1{random.Next(10)}",
        }));
        Add("login", Text($"user{random.Next(5)}@example.com"));
        Add("action", Text(random.Next(2) == 0 ? "Login Success" : "Login Fail. Invalid username-password combination"));
        var code = random.Next(995, 1035);
        Add("actionId", random.Next(4) == 0 ? $"\"{code}\"" : code.ToString(CultureInfo.InvariantCulture));
        Add("ip", Text(random.Next(3) == 0 ? "2001" : $"203.0.113.{random.Next(4)}"));
        Add("country", Text(Pick(random, ["Latvia", string.Empty, "Deutschland"])));
        Add("city", Text(Pick(random, ["Riga", string.Empty, "München"])));
        Add("browser", Text(Pick(random, Browsers)));
        Add("platform", Text(Pick(random, ["Windows 10", "Linux", string.Empty])));
        Add("page", Text(Pick(random, ["https://portal.example.com/login", "https:\\/\\/portal.example.com\\/auth?x=1&y=2"])));
        if (random.Next(4) == 0)
        {
            parts.Add(Pick(random, ["\"futureField\":{\"risk\":\"high\",\"n\":[1,2]}", "\"sessionId\":\"s-1\"", "\"n\":12", "\"f\":1.25", "\"b\":true", "\"z\":null", "\"arr\":[]"]));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts));
        return "{" + string.Join(',', parts) + "}";
    }

    private static string Date(Random random)
    {
        var time = new DateTime(2025, 6, 2, 12, 15, 42).AddSeconds(random.Next(1_000_000)).AddTicks(random.Next(10_000_000));
        return random.Next(6) switch
        {
            0 => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            1 => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            2 => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "12-05:30",
            3 => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+14:00",
            _ => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + Pick(random, ["+03:00", "-07:00", "+00:00", "+05:45"]),
        };
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Text(string value) => JsonSerializer.Serialize(value, TestJson.Default.String);

    private static string EscapeFirst(string name) => $"\\u{(int)name[0]:x4}{name[1..]}";
}
