using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The value readers of <see cref="LoginPageParser"/>: each accepts what the source-generated serializer accepts for
/// the same DTO property and throws <see cref="JsonException"/> where it would.
/// </summary>
internal static class LoginJson
{
    internal static readonly byte[][] EnvelopeKeys =
        [.. new[] { "response", "status", "statusCode", "error", "count", "total" }.Select(Encoding.ASCII.GetBytes)];

    /// <summary>The known item names, in the order of LoginPageParser's fields after Unknown.</summary>
    internal static readonly byte[][] FieldNames =
        [.. new[] { "id", "date", "user", "userId", "login", "action", "actionId", "ip", "country", "city", "browser", "platform", "page" }.Select(Encoding.ASCII.GetBytes)];

    internal static readonly byte[][] MessageKey = ["message"u8.ToArray()];

    /// <summary>
    /// The index in <paramref name="names"/> of the current property name, compared ignoring case as the serializer
    /// does here, or -1. Escaped names are unescaped first.
    /// </summary>
    internal static int Classify(ref Utf8JsonReader reader, byte[][] names)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            return ReferenceEquals(names, FieldNames) && ExactField(name) is var exact and >= 0 ? exact : IndexOf(name, names);
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 64)
        {
            return IndexOf(Encoding.UTF8.GetBytes(reader.GetString()!), names);
        }

        Span<byte> buffer = stackalloc byte[64];
        var written = reader.CopyString(buffer);
        return IndexOf(buffer[..written], names);
    }

    /// <summary>
    /// The index in <see cref="FieldNames"/> of a name spelt exactly as the server spells it, or -1: one length
    /// switch and one comparison, since nearly every name of every record takes this path.
    /// </summary>
    private static int ExactField(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? 0 : name.SequenceEqual("ip"u8) ? 7 : -1,
        4 => name[0] switch
        {
            (byte)'d' when name.SequenceEqual("date"u8) => 1,
            (byte)'u' when name.SequenceEqual("user"u8) => 2,
            (byte)'c' when name.SequenceEqual("city"u8) => 9,
            (byte)'p' when name.SequenceEqual("page"u8) => 12,
            _ => -1,
        },
        5 => name.SequenceEqual("login"u8) ? 4 : -1,
        6 => name.SequenceEqual("userId"u8) ? 3 : name.SequenceEqual("action"u8) ? 5 : -1,
        7 => name.SequenceEqual("country"u8) ? 8 : name.SequenceEqual("browser"u8) ? 10 : -1,
        8 => name.SequenceEqual("actionId"u8) ? 6 : name.SequenceEqual("platform"u8) ? 11 : -1,
        _ => -1,
    };

    internal static int IndexOf(ReadOnlySpan<byte> name, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == name.Length && Ascii.EqualsIgnoreCase(name, names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string? ReadText(ref Utf8JsonReader reader, Utf8StringCache? strings, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => strings is null ? reader.GetString() : strings.GetString(ref reader),
        _ => throw new JsonException($"'{name}' is a {reader.TokenType}, not a string."),
    };

    internal static string? ReadUserId(ref Utf8JsonReader reader, Utf8StringCache userIds)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.String, "userId");

        // A GUID already seen is valid and already in its lower-case D form: no parse. Only such GUIDs are cached.
        var raw = reader.ValueSpan;
        var plain = !reader.ValueIsEscaped && !reader.HasValueSequence && raw.Length == 36;
        if (plain && userIds.TryGetCached(raw, out var known))
        {
            return known;
        }

        if (!reader.TryGetGuid(out var guid))
        {
            throw new JsonException("'userId' is not a GUID.");
        }

        if (guid == Guid.Empty)
        {
            return null;
        }

        return plain && !ContainsUpper(raw) ? userIds.GetString(raw) : LoginEventMapper.ActorId(guid);
    }

    internal static bool ContainsUpper(ReadOnlySpan<byte> text) => text.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0;

    internal static int? ReadActionId(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var number) ? number : throw new JsonException("'actionId' is not a 32-bit integer.");
            case JsonTokenType.String:
                // As JsonNumberHandling.AllowReadingFromString reads it: the whole string is one JSON number.
                if (reader.HasValueSequence || reader.ValueSpan.Length > 32)
                {
                    throw new JsonException("'actionId' is a string that is not an integer.");
                }

                Span<byte> buffer = stackalloc byte[32];
                ReadOnlySpan<byte> text = reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
                return Utf8Parser.TryParse(text, out int parsed, out var consumed) && consumed == text.Length && text.Length > 0 && IsJsonInteger(text)
                    ? parsed
                    : throw new JsonException("'actionId' is a string that is not an integer.");
            default:
                throw new JsonException($"'actionId' is a {reader.TokenType}, not a number.");
        }
    }

    internal static bool IsJsonInteger(ReadOnlySpan<byte> text)
    {
        var digits = text[0] == '-' ? text[1..] : text;
        return digits.Length > 0 && (digits.Length == 1 || digits[0] != '0') && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    internal static int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetInt32(out var value) ? value : throw new JsonException("An envelope number is not a 32-bit integer."),
        _ => throw new JsonException($"An envelope number is a {reader.TokenType}."),
    };

    internal static string? ReadErrorMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, "error");
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = Classify(ref reader, MessageKey) == 0;
            reader.Read();
            if (isMessage)
            {
                message = ReadText(ref reader, null, "error.message");
            }
            else
            {
                reader.Skip();
            }
        }

        return message;
    }

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string where)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} at '{where}', found {reader.TokenType}.");
        }
    }
}
