using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
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
            return IndexOf(name, names);
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
    /// The index in <see cref="FieldNames"/> of a name spelt exactly as the server spells it, or -1. Every name of
    /// every record takes this path, so a name is compared as one or two integers rather than byte by byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ExactField(ReadOnlySpan<byte> name)
    {
        // The names' bytes read as little-endian integers (for example 0x65746164 is "date").
        switch (name.Length)
        {
            case 2:
                var two = BinaryPrimitives.ReadUInt16LittleEndian(name);
                return two == 0x6469 ? 0 : two == 0x7069 ? 7 : -1;
            case 4:
                return BinaryPrimitives.ReadUInt32LittleEndian(name) switch
                {
                    0x65746164 => 1,
                    0x72657375 => 2,
                    0x79746963 => 9,
                    0x65676170 => 12,
                    _ => -1,
                };
            case 5:
                return BinaryPrimitives.ReadUInt32LittleEndian(name) == 0x69676f6c && name[4] == 'n' ? 4 : -1;
            case 6:
                var head6 = BinaryPrimitives.ReadUInt32LittleEndian(name);
                var tail6 = BinaryPrimitives.ReadUInt16LittleEndian(name[4..]);
                return head6 == 0x72657375 && tail6 == 0x6449 ? 3 : head6 == 0x69746361 && tail6 == 0x6e6f ? 5 : -1;
            case 7:
                var head7 = BinaryPrimitives.ReadUInt32LittleEndian(name);
                var tail7 = BinaryPrimitives.ReadUInt32LittleEndian(name[3..]);
                return head7 == 0x6e756f63 && tail7 == 0x7972746e ? 8 : head7 == 0x776f7262 && tail7 == 0x72657377 ? 10 : -1;
            case 8:
                return BinaryPrimitives.ReadUInt64LittleEndian(name) switch
                {
                    0x64496e6f69746361 => 6,
                    0x6d726f6674616c70 => 11,
                    _ => -1,
                };
            default:
                return -1;
        }
    }

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

        // The attempts that match no account carry the empty GUID: no account, and nothing to cache.
        if (plain && raw.SequenceEqual(EmptyGuid))
        {
            return null;
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

    private static ReadOnlySpan<byte> EmptyGuid => "00000000-0000-0000-0000-000000000000"u8;

    internal static bool ContainsUpper(ReadOnlySpan<byte> text) => text.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0;

    internal static int? ReadActionId(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetInt32(out var number) ? number : throw new JsonException("'actionId' is not a 32-bit integer."),
        JsonTokenType.String => ReadActionIdFromString(ref reader),
        _ => throw new JsonException($"'actionId' is a {reader.TokenType}, not a number."),
    };

    /// <summary>
    /// As <c>JsonNumberHandling.AllowReadingFromString</c> reads it: the whole string is one JSON integer. Apart
    /// from the number path, so that its stack buffer does not cost every call.
    /// </summary>
    private static int ReadActionIdFromString(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > 32)
        {
            throw new JsonException("'actionId' is a string that is not an integer.");
        }

        Span<byte> buffer = stackalloc byte[32];
        ReadOnlySpan<byte> text = reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
        return Utf8Parser.TryParse(text, out int parsed, out var consumed) && consumed == text.Length && text.Length > 0 && IsJsonInteger(text)
            ? parsed
            : throw new JsonException("'actionId' is a string that is not an integer.");
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
