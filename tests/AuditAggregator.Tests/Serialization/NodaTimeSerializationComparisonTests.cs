using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace AuditAggregator.Tests.Serialization;

/// <summary>
/// Why the core keeps its own Instant and Offset converters instead of NodaTime.Serialization.SystemTextJson 1.4.0:
/// on the documented form's own (relaxed) encoder, its offset converter writes whole hours as <c>+03</c>, not
/// <c>+03:00</c>, and its instant converter writes the same text but reads only <c>Z</c>. (On the default encoder
/// both write <c>+</c> as <c>\u002B</c>; that is the encoder's doing, and the core sets the relaxed one.)
/// </summary>
public class NodaTimeSerializationComparisonTests
{
    private static readonly JsonSerializerOptions NodaOptions = new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private static AuditEvent Event(Instant time, Offset? offset) => new()
    {
        Source = "docspace",
        Vendor = "docspace",
        Stream = "login",
        SourceId = "1",
        Time = time,
        Offset = offset,
        Category = AuditCategory.Authentication,
        Action = AuditActions.Login,
        Outcome = AuditOutcome.Success,
        VendorAction = "1000",
    };

    private static string Ours(AuditEvent auditEvent, string property)
    {
        using var document = JsonDocument.Parse(AuditEventJson.Serialize(auditEvent));
        return document.RootElement.GetProperty(property).GetString()!;
    }

    [Theory]
    [InlineData(3 * 3600, "+03", "+03:00")]
    [InlineData(0, "+00", "+00:00")]
    [InlineData(-(5 * 3600) - 1800, "-05:30", "-05:30")]
    public void OffsetConverter_WholeHours_WritesNoMinutesUnlikeTheDocumentedForm(int seconds, string noda, string documented)
    {
        var offset = Offset.FromSeconds(seconds);

        Assert.Equal(noda, JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(offset, NodaOptions)));
        Assert.Equal(documented, Ours(Event(Instant.FromUtc(2025, 6, 2, 9, 15, 42), offset), "offset"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    [InlineData(123_456_700)]
    public void InstantConverter_WritesTheDocumentedForm(long nanoseconds)
    {
        var time = Instant.FromUtc(2025, 6, 2, 9, 15, 42).PlusNanoseconds(nanoseconds);

        Assert.Equal(Ours(Event(time, null), "time"), JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(time, NodaOptions)));
    }

    [Fact]
    public void InstantConverter_TimeWithAnOffset_RejectedWhereOursReadsIt()
    {
        var json = AuditEventJson.Serialize(Event(Instant.FromUtc(2025, 6, 2, 9, 15, 42), null))
            .Replace("2025-06-02T09:15:42Z", "2025-06-02T12:15:42+03:00", StringComparison.Ordinal);

        Assert.Equal(Instant.FromUtc(2025, 6, 2, 9, 15, 42), AuditEventJson.Deserialize(json).Time);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Instant>("\"2025-06-02T12:15:42+03:00\"", NodaOptions));
    }
}
