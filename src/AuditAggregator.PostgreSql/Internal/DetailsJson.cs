using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuditAggregator.Serialization;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// The <c>details</c> column: <see cref="AuditDetails"/> as a JSON object in the documented form, and back.
/// </summary>
internal static class DetailsJson
{
    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonTypeInfo<AuditDetails> TypeInfo =
        (JsonTypeInfo<AuditDetails>)AuditJsonContext.Default.GetTypeInfo(typeof(AuditDetails))!;

    /// <summary>
    /// Writes the details as a JSON object in the documented form.
    /// </summary>
    public static string Write(AuditDetails details) =>
        details.Count == 0 ? "{}" : NulText.ScrubJson(JsonSerializer.Serialize(details, TypeInfo));

    /// <summary>
    /// Reads details back from <c>jsonb</c> text. PostgreSQL reformats nested JSON (spaces, its own key order, number
    /// forms); such values are compacted again, so they come back equal in meaning, and equal in text whenever the
    /// original was compact with its keys in PostgreSQL's order.
    /// </summary>
    public static AuditDetails Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var items = new List<KeyValuePair<string, AuditValue>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var value = AuditValue.FromJsonElement(property.Value);
            items.Add(new(property.Name, value.Kind == AuditValueKind.Json ? AuditValue.FromJson(Compact(property.Value)) : value));
        }

        return items.Count == 0 ? AuditDetails.Empty : new AuditDetails(items);
    }

    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactOptions))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
