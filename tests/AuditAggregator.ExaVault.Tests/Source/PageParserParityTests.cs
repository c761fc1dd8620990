using System.Globalization;
using System.Text;
using System.Text.Json;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.ExaVault.Tests.Support;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Tests.Source;

/// <summary>
/// The fast readers of <see cref="SessionPageParser"/> and <see cref="WebhookPageParser"/> against their DTO path
/// (the lenient <see cref="ExaVaultJsonContext"/>, loaded into the same builder): same events, in the same order, with
/// the same details in the same order, the same raw records, and the same errors.
/// </summary>
public class PageParserParityTests
{
    private const string Created = "2021-05-10T20:44:59Z";

    public static TheoryData<string> SessionAttributeBodies => new()
    {
        // Every attribute missing but the time, and each one null.
        """{"created":"@C"}""",
        """{"created":"@C","sessionId":null,"ipAddress":null,"username":null,"operation":null,"protocol":null,"status":null,"fileName":null,"fileSource":null,"bytesTransferred":null,"duration":null}""",
        """{"created":"@C","sessionId":"","ipAddress":"","username":"","operation":"","protocol":"","status":"","fileName":"","fileSource":""}""",

        // Numbers as strings and strings as numbers, as the context's converters accept them.
        """{"created":"@C","bytesTransferred":"123","duration":"-5"}""",
        """{"created":"@C","bytesTransferred":"+5","duration":"007"}""",
        """{"created":"@C","username":42,"ipAddress":1.5e3,"status":true,"operation":false,"sessionId":12345678901234567890,"fileName":-0.0}""",

        // Escapes, non-ASCII and case-insensitive or escaped names.
        """{"created":"@C","username":"j\u00F6rg","fileName":"\/a\/b","status":"\"quoted\"","protocol":"sftp\t"}""",
        """{"created":"@C","username":"jörg 名前 😀","fileName":"/ü/ß.txt","ipAddress":"2001:db8::1"}""",
        """{"CREATED":"@C","USERNAME":"x","Operation":"stor","FileName":"/f","ſessionId":"long s","\u0075sername":"escaped name"}""",
        """{"cr\u0065ated":"@C","us\u0065rname":"escaped"}""",
        """{"created":"2021-05-10T20:44:59\u005A","username":"escaped time"}""",

        // Undeclared attributes of every JSON kind, repeated ones, and ones named like a detail.
        """{"created":"@C","s":"text","e":"","i":7,"big":123456789012345678901,"f":1.25,"t":true,"fa":false,"n":null,"o":{"a":[1,{"b":null}]},"a":[1,"x",[]],"u":"\u00F6"}""",
        """{"created":"@C","x":1,"y":2,"x":3}""",
        """{"created":"@C","x":1,"x":null}""",
        """{"created":"@C","x":null,"x":"back"}""",
        """{"created":"@C","operation":"RNTO","fileSource":"/old","oldPath":"/shadow","protocol":"web"}""",
        """{"created":"@C","additionalAttributes":{"a":1},"username":"u","username":"second"}""",

        // Every form of created VendorTime reads.
        """{"created":"2021-05-10T20:44:59+05:30"}""",
        """{"created":"2021-05-10T13:45:39-07:00"}""",
        """{"created":"2021-05-10T13:45:39-00:00"}""",
        """{"created":"2021-05-10T13:45:39+14:00"}""",
        """{"created":"2021-05-10T13:45:39+15:00"}""",
        """{"created":"2021-05-10T13:45:39.1Z"}""",
        """{"created":"2021-05-10T13:45:39.123+02:00"}""",
        """{"created":"2021-05-10T13:45:39.1234567Z"}""",
        """{"created":"2021-05-10T13:45:39.123456789Z"}""",
        """{"created":"2021-05-10T13:45:39"}""",
        """{"created":"2021-05-10T13:45:39.5"}""",
        """{"created":" 2021-05-10T13:45:39Z "}""",
        """{"created":"2020-02-29T23:59:59Z"}""",
        """{"created":"2021-12-31T23:59:59.9999999-12:00"}""",
        """{"created":"2021-05-10T13:45Z","created":"2021-05-10T13:45:39Z"}""",

        // Operations: every known code, case, unknown and missing, with each status.
        """{"created":"@C","operation":"PASS","status":"-"}""",
        """{"created":"@C","operation":"pass","status":" Failed "}""",
        """{"created":"@C","operation":"PASS","status":"weird"}""",
        """{"created":"@C","operation":"FOO","status":"-"}""",
        """{"created":"@C","status":"failed"}""",
        """{"created":"@C","operation":"MOVE","fileSource":"/from","fileName":"/to"}""",
        """{"created":"@C","operation":"RNTO","fileSource":"","fileName":"/to"}""",

        // Names one byte off a declared name of the same length (first, middle or last byte; see NameKey), and the
        // declared names in another case, which the context still matches.
        """{"created":"@C","createx":"a","statux":"b","usernamx":"c","xsername":"d","protocoL":"e","fileNamx":"f","duratiox":"g","sessionIx":"h","ipAddresx":"i","operatioX":"j","fileSourcx":"k","bytesTransferrex":1,"bytesTrXnsferred":2}""",
        """{"created":"@C","Status":"failed","USERNAME":"u","ProtocoL":"web","FILENAME":"/f","Duration":3,"SessionID":"s","IPADDRESS":"1.2.3.4","OPERATION":"STOR","FileSource":"/o","BytesTransferred":4}""",
    };

    public static TheoryData<string> WebhookAttributeBodies => new()
    {
        """{"created":"@C"}""",
        """{"created":"@C","webhookId":null,"webhookFormat":null,"webhookPath":null,"accountId":null,"attemptId":null,"resend":null,"endpointUrl":null,"event":null,"status":null,"response":null,"ipAddress":null,"resourcePath":null,"username":null,"details":null}""",
        """{"created":"@C","webhookId":"311","accountId":7,"status":"404","resend":true,"attemptId":12,"response":"","event":"resources.upload"}""",
        """{"created":"@C","status":302,"response":"Moved \u00F6","endpointUrl":"https:\/\/example.com\/hook"}""",

        // v1, v2, v3, missing and upper-case formats with their details.
        """{"created":"@C","webhookFormat":"v1","details":{"accountName":"a","attempt":2,"protocol":"ftp","username":"inner"}}""",
        """{"created":"@C","details":{"attempt":"3","protocol":null,"username":""}}""",
        """{"created":"@C","webhookFormat":"","username":"","details":{"attempt":1.5,"username":"inner"}}""",
        """{"created":"@C","webhookFormat":"v2","details":{"eventTimestamp":"2021-05-10T13:45:38-07:00","ipAddress":"10.0.0.1","protocol":"web","username":"inner","eventData":{"resources":[{"id":1,"n":null}],"transferStatus":"success"}}}""",
        """{"created":"@C","webhookFormat":"V2","ipAddress":"","details":{"ipAddress":"10.0.0.2","eventData":{"transferStatus":null}}}""",
        """{"created":"@C","webhookFormat":"v2","details":{"eventData":[1,2],"username":5,"ipAddress":{"a":1}}}""",
        """{"created":"@C","webhookFormat":"v2","details":{"eventData":{"transferStatus":"a"},"eventData":"flat"}}""",
        """{"created":"@C","webhookFormat":"v2","details":{"protocol":"first","protocol":"last","eventData":{"transferStatus":{"nested":true}}}}""",
        """{"created":"@C","webhookFormat":"v3","details":{"protocol":"web","attempt":1,"eventTimestamp":"x","username":"inner","ipAddress":"10.0.0.3"}}""",
        """{"created":"@C","webhookFormat":"v1","ipAddress":"","details":{"ipAddress":"10.0.0.4","attempt":true}}""",
        """{"created":"@C","webhookFormat":"v2","details":{"pr\u006ftocol":"escaped","username":"caf\u00E9"}}""",
        """{"created":"@C","webhookFormat":"v2","details":{ "protocol" : "spaced" ,  "eventData" : { "transferStatus" : "ok" } } }""",

        // Details that are not objects.
        """{"created":"@C","details":"text"}""",
        """{"created":"@C","details":[{"protocol":"web"}]}""",
        """{"created":"@C","details":12}""",
        """{"created":"@C","details":{}}""",
        """{"created":"@C","details":{"protocol":"web"},"details":null}""",

        // Undeclared attributes, one named like a detail the mapper adds.
        """{"created":"@C","webhookFormat":"v1","protocol":"outer","details":{"protocol":"inner"},"extra":[true],"n":null}""",
        """{"created":"2021-05-10T13:45:39.12-07:00","WEBHOOKFORMAT":"v2","Details":{"protocol":"web"}}""",

        // Names one byte off a declared name of the same length, outside and inside details (which compares exactly).
        """{"created":"@C","evenx":"a","resenx":true,"statux":1,"createx":"b","detailx":{},"responsx":"c","usernamx":"d","webhookIx":1,"accountIx":"e","attemptIx":"f","ipAddresx":"g","webhookPatx":"h","endpointUrx":"i","resourcePatx":"j","webhookFormax":"v2"}""",
        """{"created":"@C","webhookFormat":"v2","details":{"attempx":1,"protocoX":"p","usernamx":"u","ipAddresx":"i","eventDatx":{"transferStatus":"x"},"eventTimestamx":"t","eventData":{"transferStatux":"y","TransferStatus":"z"}}}""",
        """{"created":"@C","webhookFormat":"v1","details":{"Attempt":1,"Protocol":"p","USERNAME":"u","IpAddress":"i","EventData":{"transferStatus":"x"},"EventTimestamp":"t"}}""",
        """{"created":"@C","Event":"e","Resend":false,"STATUS":500,"Response":"r","Username":"u","WebhookId":2,"AccountId":"a","AttemptId":"t","IPAddress":"i","WebhookPath":"/p","EndpointUrl":"https://e","ResourcePath":"/r","WebhookFormat":"v1","Details":{"attempt":4}}""",
    };

    [Theory]
    [MemberData(nameof(SessionAttributeBodies))]
    public void Parse_SessionAttributes_EqualsDtoPath(string attributes)
    {
        attributes = attributes.Replace("@C", Created, StringComparison.Ordinal);
        var body = ExaVaultJson.Page(ExaVaultJson.SessionAttributes(1, attributes), ExaVaultJson.SessionAttributes(2, attributes));

        AssertSameSessions(body);
    }

    [Theory]
    [MemberData(nameof(WebhookAttributeBodies))]
    public void Parse_WebhookAttributes_EqualsDtoPath(string attributes)
    {
        attributes = attributes.Replace("@C", Created, StringComparison.Ordinal);
        var body = ExaVaultJson.Page(ExaVaultJson.WebhookAttributes(1, attributes), ExaVaultJson.WebhookAttributes(2, attributes));

        AssertSameWebhooks(body);
    }

    [Fact]
    public void Parse_EveryOperationCode_EqualsDtoPath()
    {
        var entries = OperationCodes.Codes
            .Select((code, i) => ExaVaultJson.SessionAttributes(i + 1, $$"""{"created":"{{Created}}","operation":"{{code}}","fileSource":"/src","status":"-"}"""))
            .ToList();

        AssertSameSessions(ExaVaultJson.Page(entries));
    }

    [Fact]
    public void Parse_Fixtures_EqualDtoPath()
    {
        AssertSameSessions(ExaVaultJson.Fixture("exavault-session-logs.200.json"));
        AssertSameWebhooks(ExaVaultJson.Fixture("exavault-webhook-logs.200.json"));
    }

    [Theory]
    [InlineData("""{"responseStatus":200,"totalResults":0,"returnedResults":0,"data":[]}""")]
    [InlineData("""{"responseStatus":200,"data":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}}],"returnedResults":1}""")]
    [InlineData("""{"returnedResults":"5","data":[{"id":"7","type":1,"attributes":{"created":"2021-05-10T20:44:59Z"}},{"id":8,"type":null,"extra":{"a":[]},"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""")]
    [InlineData("""{"returnedResults":1,"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}},{"id":2,"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""")]
    [InlineData("""{"data":[{"attributes":{"created":"2021-05-10T20:44:59Z","username":"a"},"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""")]
    [InlineData("""{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}}],"data":[{"id":2,"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""")]
    [InlineData("""{"unknown":[1,{"x":"y"}],"DATA":[{"ID":3,"Attributes":{"created":"2021-05-10T20:44:59Z"}}],"responseStatus":"200","totalResults":"0"}""")]
    [InlineData("""{"data":[{"ix":5,"typx":"t","attributex":{"created":"2021-05-10T20:44:59Z"},"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""")]
    [InlineData("\uFEFF{\"data\":[{\"id\":1,\"attributes\":{\"created\":\"2021-05-10T20:44:59Z\"}}]}  \r\n")]
    public void Parse_PageShapes_EqualDtoPath(string body)
    {
        AssertSameSessions(body);
        AssertSameWebhooks(body);
    }

    [Fact]
    public void Parse_LargeGeneratedPages_EqualDtoPath()
    {
        var random = new Random(7);
        string[] users = ["jdoe", "anna", "j\\u00F6rg", "bob", ""];
        string[] operations = [.. OperationCodes.Codes, "FOO", "pass"];
        var sessions = Enumerable.Range(1, 500).Select(i => ExaVaultJson.SessionAttributes(
            i,
            $$"""{"created":"2021-05-{{(i % 28) + 1:00}}T{{i % 24:00}}:{{i % 60:00}}:{{(i * 7) % 60:00}}{{(i % 3 == 0 ? "Z" : i % 3 == 1 ? "+02:00" : ".5-07:30")}}","sessionId":"s{{i}}","ipAddress":"10.0.0.{{random.Next(5)}}","username":"{{users[random.Next(users.Length)]}}","operation":"{{operations[random.Next(operations.Length)]}}","protocol":"web","status":"{{(i % 10 == 0 ? "failed" : "-")}}","fileName":"/f/{{i}}","fileSource":"/s/{{i}}","bytesTransferred":{{i * 1000}},"duration":{{i % 9}}}""")).ToList();
        var webhooks = Enumerable.Range(1, 500).Select(i => ExaVaultJson.WebhookAttributes(
            i,
            $$"""{"webhookId":{{i % 4}},"webhookFormat":"{{(i % 2 == 0 ? "v1" : "v2")}}","created":"2021-05-10T13:45:{{i % 60:00}}-07:00","status":{{(i % 5 == 0 ? 500 : 200)}},"username":"{{users[random.Next(users.Length)]}}","details":{"protocol":"web","attempt":{{i % 3}},"eventTimestamp":"t{{i}}","username":"inner","eventData":{"transferStatus":"success"} } }""")).ToList();

        AssertSameSessions(ExaVaultJson.Page(sessions));
        AssertSameWebhooks(ExaVaultJson.Page(webhooks));
    }

    [Fact]
    public void Parse_EntriesOfOneDay_EqualDtoPath()
    {
        // The parser reuses the previous entry's date: every time of the same day, and days that differ late.
        string[] created =
        [
            "2021-05-10T20:44:59Z", "2021-05-10T00:00:00Z", "2021-05-10T23:59:59.9999999+14:00", "2021-05-10T07:08:09.5-07:30",
            "2021-05-10T12:00:00", "2021-05-11T12:00:00Z", "2021-05-10T12:00:00Z", "2021-06-10T12:00:00Z", "2022-05-10T12:00:00Z",
        ];
        var entries = created.Select((time, i) => ExaVaultJson.SessionAttributes(i + 1, $$"""{"created":"{{time}}","duration":{{i * 123456789}},"bytesTransferred":{{(i == 0 ? "123456789012345678" : i == 1 ? "1234567890123456789" : i == 2 ? "0" : i == 3 ? "-42" : i.ToString(CultureInfo.InvariantCulture))}}}"""));

        AssertSameSessions(ExaVaultJson.Page([.. entries]));
    }

    [Fact]
    public void Parse_RepeatedUsernames_ShareOneStringAndActor()
    {
        var body = ExaVaultJson.Page(ExaVaultJson.Session(1, ExaVaultJson.Newest), ExaVaultJson.Session(2, ExaVaultJson.Newest), ExaVaultJson.Session(3, ExaVaultJson.Newest));

        var events = new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(3, events.Length);
        Assert.Same(events[0].Actor.Name, events[2].Actor.Name);
        Assert.Same(events[0].Actor, events[1].Actor);
        Assert.Same(events[0].Ip, events[2].Ip);
        Assert.Same(events[0].Details["protocol"].AsString(), events[1].Details["protocol"].AsString());
    }

    [Theory]
    [InlineData("exavault-session-logs.200.json", true)]
    [InlineData("exavault-webhook-logs.200.json", false)]
    public void Parse_IncludeRawRecord_EachEntryExactlyAsSentOnBothPaths(string fixture, bool sessions)
    {
        var body = ExaVaultJson.Fixture(fixture);
        var bytes = Encoding.UTF8.GetBytes(body);
        ExaVaultPageParser parser = sessions
            ? new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache(), includeRawRecord: true)
            : new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache(), includeRawRecord: true);

        var events = parser.Parse(bytes);
        var dto = parser.ParseThroughDtos(bytes).GetEvents();

        Assert.Equal(0, parser.DtoPages);
        using var document = JsonDocument.Parse(body);
        var sent = document.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetRawText()).ToList();
        Assert.Equal(sent, events.Select(e => e.RawRecord));
        AssertSameEvents(dto, events);
    }

    [Fact]
    public void Parse_IncludeRawRecordOnAnOddPage_DtoPathKeepsTheBytesToo()
    {
        // An escaped name inside details sends the page through the DTO path.
        var entry = """{ "type" : "webhookActivity", "id" : 7, "attributes" : {"created":"2021-05-10T20:44:59Z","username":"j\u00F6rg","details":{"pr\u006ftocol":"web"}} }""";
        var parser = new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache(), includeRawRecord: true);

        var e = Assert.Single(parser.Parse(Encoding.UTF8.GetBytes(ExaVaultJson.Page(entry))));

        Assert.Equal(1, parser.DtoPages);
        Assert.Equal(entry, e.RawRecord);
        Assert.Equal("jörg", e.Actor.Name);
    }

    public static TheoryData<string> ErrorBodies => new()
    {
        """{"data":[{"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""",
        """{"data":[{"id":null,"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"yesterday"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":1620679499}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-02-30T10:00:00Z"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}},{"id":2,"attributes":{"created":"2021-05-10T24:00:00Z"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}},{"id":2,"attributes":{"created":"2021-05-10T20:60:00Z"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","status":"2147483648"}}]}""",
        """{"data":[{"id":1,"attributes":{"username":"no time"}}]}""",
        """{"data":[{"id":1,"attributes":null}]}""",
        """{"data":[{"id":1}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}},{"id":2,"attributes":{}}]}""",
        """{"data":[{"id":1,"attributes":{}}],"responseStatus":"two hundred"}""",
        """{"data":[null]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z"}}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","username":"jd""",
        """[]""",
        """null""",
        """ "text" """,
        "",
        """{"data":{}}""",
        """{"data":[1]}""",
        """{"data":[{"id":1.5,"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""",
        """{"data":[{"id":"x","attributes":{"created":"2021-05-10T20:44:59Z"}}]}""",
        """{"data":[{"id":1,"type":{},"attributes":{"created":"2021-05-10T20:44:59Z"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","username":["a"]}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","bytesTransferred":"abc","status":1.5,"resend":"yes"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","duration":" 7","webhookId":"1e3"}}]}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","status":"200","resend":1}}]}""",
        """{"data":[]} x""",
        """{"data":[]}{}""",
        """{"data":[],}""",
        """{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","u":"\uD800"}}]}""",
    };

    [Theory]
    [MemberData(nameof(ErrorBodies))]
    public void Parse_ErrorBody_SameOutcomeAsDtoPath(string body)
    {
        AssertSameOutcome(Encoding.UTF8.GetBytes(body), sessions: true);
        AssertSameOutcome(Encoding.UTF8.GetBytes(body), sessions: false);
    }

    [Fact]
    public void Parse_InvalidUtf8_SameOutcomeAsDtoPath()
    {
        var body = Encoding.UTF8.GetBytes("""{"data":[{"id":1,"attributes":{"created":"2021-05-10T20:44:59Z","username":"XX","other":"XX"}}]}""");
        var bad = body.AsSpan().IndexOf("XX"u8);
        body[bad] = 0xC3;
        body[bad + 1] = 0x28;
        var other = body.AsSpan().LastIndexOf("XX"u8);
        body[other] = 0xFF;

        AssertSameOutcome(body, sessions: true);
        AssertSameOutcome(body, sessions: false);
    }

    private static void AssertSameSessions(string body)
    {
        var parser = new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache());
        var fast = parser.Parse(Encoding.UTF8.GetBytes(body));
        AssertSameEvents(DtoSessions(body), fast);
        Assert.Equal(0, parser.DtoPages);
    }

    private static void AssertSameWebhooks(string body)
    {
        var parser = new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache());
        var fast = parser.Parse(Encoding.UTF8.GetBytes(body));
        AssertSameEvents(DtoWebhooks(body), fast);

        // An escaped name inside details is the one shape of a valid page left to the DTO path.
        Assert.Equal(body.Contains("\\u006f", StringComparison.Ordinal) ? 1 : 0, parser.DtoPages);
    }

    private static AuditEvent[] DtoSessions(string body) =>
        new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).ParseThroughDtos(Encoding.UTF8.GetBytes(body)).GetEvents();

    private static AuditEvent[] DtoWebhooks(string body) =>
        new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).ParseThroughDtos(Encoding.UTF8.GetBytes(body)).GetEvents();

    private static void AssertSameEvents(AuditEvent[] expected, AuditEvent[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(expected[i].Offset, actual[i].Offset);
            Assert.Equal(expected[i].Actor, actual[i].Actor);
            Assert.Equal(expected[i].VendorActionName, actual[i].VendorActionName);
            Assert.Equal(expected[i].RawRecord, actual[i].RawRecord);

            // AuditDetails equality ignores order; the parser must keep the mapper's order as well.
            Assert.Equal(expected[i].Details.Select(Describe), actual[i].Details.Select(Describe));
        }
    }

    private static string Describe(KeyValuePair<string, AuditValue> detail) => $"{detail.Key}={detail.Value.Kind}:{detail.Value}";

    /// <summary>Both readers over the same body: the parse as the source runs it, and the DTO path alone.</summary>
    private static void AssertSameOutcome(byte[] body, bool sessions)
    {
        ExaVaultPageParser Create() => sessions
            ? new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache())
            : new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache());
        var expected = Outcome(() => Create().ParseThroughDtos(body, 200).GetEvents());
        var actual = Outcome(() => Create().Parse(body, 200).GetEvents());

        Assert.Equal(expected.Error?.GetType(), actual.Error?.GetType());
        Assert.Equal(expected.Error?.Message, actual.Error?.Message);
        Assert.Equal((expected.Error as AuditSourceException)?.Kind, (actual.Error as AuditSourceException)?.Kind);
        Assert.Equal((expected.Error as AuditSourceException)?.StatusCode, (actual.Error as AuditSourceException)?.StatusCode);
        Assert.Equal(expected.Error?.InnerException?.GetType(), actual.Error?.InnerException?.GetType());
        if (expected.Events is not null)
        {
            AssertSameEvents(expected.Events, actual.Events!);
        }
    }

    private static (AuditEvent[]? Events, Exception? Error) Outcome(Func<AuditEvent[]> parse)
    {
        try
        {
            return (parse(), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }
}
