using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace AuditAggregator.Tests.Serialization;

/// <summary>
/// Events at the edges of the JSON form: nulls, every kind of detail value, every kind of escape, long text, odd
/// offsets and instants, names the enums do not have.
/// </summary>
internal static class TrickyEvents
{
    public const string Escapes = "q\"uote \\back/slash \0\b\t\n\f\r\u001f\u007f +<>&'` \u2028\u2029 \uFEFF\uFFFE\uFFFF";

    public const string NonAscii = "Zürich, 東京, Москва, é\u0301, \u00A0\u0080\u07FF\u0800";

    public const string Surrogates = "emoji \U0001F600 \U0001F1F1\U0001F1FB, lone high \uD800 x, lone low \uDC00, trailing high \uDBFF";

    // Raw JSON holding the text: escaped only where JSON must be, so non-ASCII stays literal in the raw value.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string Long = new string('a', 70_000) + Escapes + new string('é', 5_000);

    public static IReadOnlyDictionary<string, AuditEvent> All { get; } = new Dictionary<string, AuditEvent>
    {
        ["sample"] = Sample(),
        ["nulls everywhere"] = Sample() with
        {
            Offset = null, Actor = AuditActor.Unknown, Ip = null, UserAgent = null, Location = null, Resource = null,
            VendorActionName = null, Details = AuditDetails.Empty,
        },
        ["null actor and details"] = Sample() with { Actor = null!, Details = null! },
        ["null required strings"] = Sample() with { Source = null!, Vendor = null!, Stream = null!, SourceId = null!, Action = null!, VendorAction = null! },
        ["empty strings"] = Sample() with
        {
            Source = "", Stream = "", SourceId = "", Action = "", Actor = new("", "", ""), Ip = "", UserAgent = "", Location = "",
            Resource = "", VendorAction = "", VendorActionName = "", Details = new AuditDetails([new("", ""), new(" ", AuditValue.FromString(""))]),
        },
        ["every value kind"] = Sample() with { Details = new AuditDetails([
            new("text", "plain"), new("min", long.MinValue), new("max", long.MaxValue), new("zero", 0L), new("minus", -1L),
            new("yes", true), new("no", false), new("object", AuditValue.FromJson("""{"a":[1,2.5,"é\u0001",null],"b":{}}""")),
            new("array", AuditValue.FromJson("[]")), new("fraction", AuditValue.FromJson("3.25e-7")), new("jsonString", AuditValue.FromJson("\"x\"")),
            new("jsonNull", AuditValue.FromJson("null")), new("spaced", AuditValue.FromJson(" { \"a\" : 1 } ")), new("default", default(AuditValue)),
        ]) },
        ["escapes in every string"] = Everywhere(Escapes),
        ["non-ASCII in every string"] = Everywhere(NonAscii),
        ["surrogates in every string"] = Everywhere(Surrogates),
        ["very long strings"] = Everywhere(Long) with { Details = new AuditDetails([new("long", Long), new("raw", AuditValue.FromJson("[\"" + new string('x', 100_000) + "\"]"))]) },
        ["offset with seconds"] = Sample() with { Offset = Offset.FromSeconds((5 * 3600) + (45 * 60) + 30) },
        ["offset negative half hour"] = Sample() with { Offset = Offset.FromSeconds(-1800) },
        ["offset minimum"] = Sample() with { Offset = Offset.MinValue },
        ["offset maximum"] = Sample() with { Offset = Offset.MaxValue },
        ["offset zero"] = Sample() with { Offset = Offset.Zero },
        ["instant with nanoseconds"] = Sample() with { Time = Instant.FromUtc(2026, 12, 4, 21, 0, 1).PlusNanoseconds(123_456_789) },
        ["instant with one nanosecond"] = Sample() with { Time = Instant.FromUtc(2026, 12, 4, 21, 0, 1).PlusNanoseconds(1) },
        ["instant with milliseconds"] = Sample() with { Time = Instant.FromUtc(2026, 12, 4, 21, 0, 1).PlusNanoseconds(500_000_000) },
        ["instant minimum"] = Sample() with { Time = Instant.MinValue },
        ["instant maximum"] = Sample() with { Time = Instant.MaxValue },
        ["instant year 1"] = Sample() with { Time = Instant.FromUtc(1, 1, 1, 0, 0) },
        ["raw JSON with a lone surrogate"] = Sample() with { Details = new AuditDetails([new("raw", AuditValue.FromJsonText("[\"\uD800\"]"))]) },
        ["unnamed category"] = Sample() with { Category = (AuditCategory)99 },
        ["unnamed outcome"] = Sample() with { Outcome = (AuditOutcome)(-1) },
    };

    public static TheoryData<string> Names() => [.. All.Keys];

    public static AuditEvent Sample() => new()
    {
        Source = "docspace",
        Vendor = "docspace",
        Stream = "login",
        SourceId = "48213",
        Time = Instant.FromUtc(2025, 6, 2, 9, 15, 42),
        Offset = Offset.FromHours(3),
        Category = AuditCategory.Authentication,
        Action = AuditActions.Login,
        Outcome = AuditOutcome.Failure,
        Actor = new AuditActor("7", "Alice", "alice@example.com"),
        Ip = "10.0.0.1",
        UserAgent = "Chrome 125; Windows 10",
        Location = "Riga, Latvia",
        Resource = "/Shared/report.pdf",
        VendorAction = "1023",
        VendorActionName = "LoginFailBruteForce",
        Details = new AuditDetails([new("action", "Login failed. Brute force"), new("bytes", 1234L)]),
    };

    private static AuditEvent Everywhere(string text) => Sample() with
    {
        Source = "s" + text, Vendor = text, Stream = text + "s", SourceId = text, Action = text, Actor = new(text, text, text),
        Ip = text, UserAgent = text, Location = text, Resource = text, VendorAction = text, VendorActionName = text,
        Details = new AuditDetails([new(text, text), new("k" + text, AuditValue.FromJson("[" + JsonSerializer.Serialize(text, Relaxed) + "]"))]),
    };
}
