using System.Text.Json;

namespace AuditAggregator.Parsing;

/// <summary>
/// Reads <see cref="AuditValue"/>s straight from a <see cref="Utf8JsonReader"/> over one span, the way
/// <see cref="AuditValue.FromJsonElement"/> reads them from a <see cref="JsonElement"/>, without building a document.
/// </summary>
public static class JsonAuditValues
{

    /// <summary>
    /// Reads the value at the reader's current token, and leaves the reader on the value's last token.
    /// </summary>
    /// <param name="reader">A reader over <paramref name="json"/>, positioned on the first token of a value.</param>
    /// <param name="json">The whole span the reader reads, used to keep objects and arrays as their raw text.</param>
    /// <param name="strings">A cache for string values, or <see langword="null"/> to decode each one.</param>
    /// <returns>A string, integer or Boolean value, or the raw JSON text of anything else (<c>null</c>, other numbers, objects, arrays).</returns>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static AuditValue Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8StringCache? strings = null)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return AuditValue.FromString(strings is null ? reader.GetString()! : strings.GetString(ref reader));
            case JsonTokenType.True:
                return AuditValue.FromBoolean(true);
            case JsonTokenType.False:
                return AuditValue.FromBoolean(false);
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return AuditValue.FromInt64(number);
            case JsonTokenType.Number or JsonTokenType.Null:
                return AuditValue.FromJsonText(Utf8Text.Decode(reader.ValueSpan));
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                return AuditValue.FromJsonText(Utf8Text.Decode(json[start..checked((int)reader.BytesConsumed)]));
            default:
                throw new JsonException($"Expected a JSON value, found {reader.TokenType}.");
        }
    }

    /// <summary>
    /// Keeps an object or array that the caller has just walked token by token (to pick fields out of it) as its raw
    /// JSON text, without a second pass over it.
    /// </summary>
    /// <param name="reader">A reader over <paramref name="json"/>, on the <see cref="JsonTokenType.EndObject"/> or
    /// <see cref="JsonTokenType.EndArray"/> that closes the value.</param>
    /// <param name="json">The whole span the reader reads.</param>
    /// <param name="startIndex">The <see cref="Utf8JsonReader.TokenStartIndex"/> of the value's opening token.</param>
    /// <returns>The value's raw JSON text, as <see cref="AuditValueKind.Json"/>.</returns>
    /// <exception cref="ArgumentException">The reader is not on the end of a value that opens at <paramref name="startIndex"/>.</exception>
    public static AuditValue FromCompletedValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long startIndex)
    {
        var open = reader.TokenType switch
        {
            JsonTokenType.EndObject => (byte)'{',
            JsonTokenType.EndArray => (byte)'[',
            _ => throw new ArgumentException($"The reader is on a {reader.TokenType}, not the end of an object or array.", nameof(reader)),
        };
        var end = reader.BytesConsumed;
        if (startIndex < 0 || startIndex >= end || end > json.Length || json[checked((int)startIndex)] != open)
        {
            throw new ArgumentException("The start index is not the opening token of the value the reader has just closed.", nameof(startIndex));
        }

        return AuditValue.FromJsonText(Utf8Text.Decode(json[checked((int)startIndex)..checked((int)end)]));
    }
}
