using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Writes <see cref="AuditDetails"/> as a JSON object; reads any object back, keeping nested values as raw JSON.
/// </summary>
internal sealed class AuditDetailsJsonConverter : JsonConverter<AuditDetails>
{
    public override AuditDetails Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return AuditDetails.Empty;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("'details' must be a JSON object.");
        }

        var items = new List<KeyValuePair<string, AuditValue>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                items.Add(new(property.Name, AuditValue.FromJsonElement(property.Value)));
            }
        }

        return items.Count == 0 ? AuditDetails.Empty : new AuditDetails(items);
    }

    public override void Write(Utf8JsonWriter writer, AuditDetails value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var item in value)
        {
            writer.WritePropertyName(item.Key);
            item.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
