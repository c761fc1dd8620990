using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Writes an <see cref="Instant"/> as ISO 8601 in UTC with <c>Z</c>, fractions only when non-zero; reads <c>Z</c> or an offset.
/// </summary>
/// <remarks>
/// Not NodaTime.Serialization.SystemTextJson's converter: it writes the same text but reads only <c>Z</c>, and it is
/// an instance, where the source-generated context needs a converter type (see NodaTimeSerializationComparisonTests).
/// </remarks>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var result = OffsetDateTimePattern.ExtendedIso.Parse(text ?? string.Empty);
        return result.Success
            ? result.Value.ToInstant()
            : throw new JsonException($"'{text}' is not an ISO 8601 instant with 'Z' or an offset.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[Utf8InstantFormatter.MaxLength];
        writer.WriteStringValue(text[..Utf8InstantFormatter.Format(value, text)]);
    }
}
