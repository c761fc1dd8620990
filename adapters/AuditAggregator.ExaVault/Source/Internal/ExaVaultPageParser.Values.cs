using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AuditAggregator.ExaVault.Internal;

// The readers of single attribute values, each as the ExaVaultJsonContext reads it.
internal abstract partial class ExaVaultPageParser
{
    /// <summary>Reads a string property the way <see cref="LenientStringConverter"/> does.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="cached">Whether to read a string through <see cref="Strings"/> (for values that repeat).</param>
    /// <param name="value">The text.</param>
    /// <returns><see langword="false"/> for an object or array, which the converter rejects.</returns>
    protected bool TryReadString(ref Utf8JsonReader reader, bool cached, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                value = cached ? Strings.GetString(reader.ValueSpan) : Decode(ref reader);
                return true;
            case JsonTokenType.String:
                value = cached ? Strings.GetString(ref reader) : reader.GetString();
                return true;
            case JsonTokenType.Number:
                value = Strings.GetString(reader.ValueSpan);
                return true;
            case JsonTokenType.True:
                value = "true";
                return true;
            case JsonTokenType.False:
                value = "false";
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// <see cref="TryReadString"/> with <c>cached: true</c>, its usual case (an unescaped string) small enough to inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool ReadCached(ref Utf8JsonReader reader, out string? value)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            value = Strings.GetString(reader.ValueSpan);
            return true;
        }

        return TryReadString(ref reader, cached: true, out value);
    }

    /// <summary>
    /// <see cref="TryReadString"/> with <c>cached: false</c> (values that seldom repeat), its usual case small enough to inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool ReadText(ref Utf8JsonReader reader, out string? value)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            value = Decode(ref reader);
            return true;
        }

        return TryReadString(ref reader, cached: false, out value);
    }

    /// <summary>
    /// Reads a string property through <see cref="Strings"/> as <see cref="TryReadString"/> does, first comparing it
    /// with the text the same field (<paramref name="slot"/>) last had on this page: for fields that seldom change from
    /// one entry to the next, one comparison instead of a cache lookup.
    /// </summary>
    protected bool TryReadRecent(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int slot, out string? value)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return TryReadString(ref reader, cached: true, out value);
        }

        value = GetRecent(ref reader, json, slot);
        return true;
    }

    /// <summary>The reader's unescaped string token, through the field's last text on this page, then <see cref="Strings"/>.</summary>
    protected string GetRecent(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int slot)
    {
        var span = reader.ValueSpan;
        ref var recent = ref _recent[slot];
        if (recent.Value is { } known && span.SequenceEqual(json.Slice(recent.Start, recent.Length)))
        {
            return known;
        }

        var value = Strings.GetString(span);
        recent = new Recent { Start = checked((int)reader.TokenStartIndex + 1), Length = span.Length, Value = value };
        return value;
    }

    /// <summary>
    /// Decodes the reader's unescaped string token as <see cref="Utf8JsonReader.GetString"/> does, in one pass for the
    /// usual ASCII text.
    /// </summary>
    protected static string Decode(ref Utf8JsonReader reader)
    {
        var span = reader.ValueSpan;
        if (span.IsEmpty)
        {
            return string.Empty;
        }

        var text = string.Create(span.Length, span, static (chars, bytes) =>
        {
            if (Ascii.ToUtf16(bytes, chars, out _) != OperationStatus.Done)
            {
                chars[0] = '\uFFFF';
            }
        });

        // A non-ASCII byte stopped the copy (and marked the first char, which ASCII never is): the full decoder.
        return text[0] == '\uFFFF' ? reader.GetString()! : text;
    }

    /// <summary>
    /// Reads a <see cref="long"/> property as the context does: a number, or a string holding one. The usual plain
    /// digits are read inline; anything else in <see cref="TryReadOtherInt64"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool TryReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        if (reader.TokenType == JsonTokenType.Number && TryDigits(reader.ValueSpan, out var digits))
        {
            value = digits;
            return true;
        }

        return TryReadOtherInt64(ref reader, out value);
    }

    /// <summary><see cref="TryReadInt64"/> for a token that is not plain digits.</summary>
    private static bool TryReadOtherInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                value = number;
                return true;
            case JsonTokenType.String when !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var used) && used == reader.ValueSpan.Length:
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads a JSON number token of 1 to 18 plain digits (the reader has checked the grammar, so no leading zero), the
    /// usual id, size and duration, without the general number parser; anything else is left to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> number, out long value)
    {
        value = 0;
        if (number.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in number)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>Reads an <see cref="int"/> property as the context does: a number, or a string holding one.</summary>
    protected static bool TryReadInt32(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when reader.ValueSpan.Length <= 9 && TryDigits(reader.ValueSpan, out var digits):
                value = (int)digits;
                return true;
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                value = number;
                return true;
            case JsonTokenType.String when !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out int parsed, out var used) && used == reader.ValueSpan.Length:
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a <see cref="bool"/> property; the context reads no Boolean from a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool TryReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null;
    }

    /// <summary>
    /// Reads <c>created</c>: the usual shapes straight from the bytes, anything else through <see cref="VendorTime"/>.
    /// A missing or unreadable time leaves the entry without one, which sends the page through the DTO path and its error.
    /// </summary>
    protected bool ReadCreated(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && _dates.TryParse(reader.ValueSpan, out var time, out var offset))
        {
            Set(time, offset);
            return true;
        }

        if (!TryReadString(ref reader, cached: false, out var text))
        {
            return false;
        }

        _hasTime = VendorTime.TryParse(text, out var slow, out var slowOffset);
        Time = slow;
        Offset = slowOffset;
        return true;
    }

    /// <summary>Where on the current page a field's last text was, and its string.</summary>
    private struct Recent
    {
        public int Start;
        public int Length;
        public string? Value;
    }

    /// <summary>
    /// Reads (and drops) an entry's <c>type</c> as <see cref="TryReadString"/> would: the same text as the entry before
    /// was valid then, so only a new text is decoded.
    /// </summary>
    private bool ReadType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            if (span.SequenceEqual(_lastType))
            {
                return true;
            }

            Strings.GetString(span);
            if (span.Length <= 64)
            {
                _lastType = span.ToArray();
            }

            return true;
        }

        return TryReadString(ref reader, cached: true, out _);
    }
}
