using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Writes an <see cref="Offset"/> as <c>+hh:mm</c> (with seconds only when non-zero); reads that, <c>+hh</c> or <c>Z</c>.
/// </summary>
/// <remarks>
/// Not NodaTime.Serialization.SystemTextJson's converter: it writes whole hours as <c>+03</c>, while the documented
/// form (and the vendors) write <c>+03:00</c> (see NodaTimeSerializationComparisonTests).
/// </remarks>
internal sealed class OffsetJsonConverter : JsonConverter<Offset>
{
    private static readonly OffsetPattern Minutes = OffsetPattern.CreateWithInvariantCulture("+HH:mm");
    private static readonly OffsetPattern Seconds = OffsetPattern.CreateWithInvariantCulture("+HH:mm:ss");

    public override Offset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var result = OffsetPattern.GeneralInvariantWithZ.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an offset such as '+03:00'.");
    }

    public override void Write(Utf8JsonWriter writer, Offset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(FormatOffset(value));

    public static string FormatOffset(Offset value) =>
        (value.Seconds % 60 == 0 ? Minutes : Seconds).Format(value);
}
