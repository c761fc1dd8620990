using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Strings, names and raw values for <see cref="EventJsonFormatter"/>, as a relaxed <see cref="Utf8JsonWriter"/> writes
/// them: printable ASCII the writer leaves alone is copied, other text the encoder leaves alone is transcoded, and
/// anything to escape (control characters, surrogate pairs, lone surrogates, <c>U+2028</c>...) goes through a real
/// <see cref="Utf8JsonWriter"/> with <see cref="RelaxedJson.WriterOptions"/>, so that its escapes and errors are the
/// serializer's own.
/// </summary>
internal sealed class JsonStringWriter
{
    private const int MaxKeptCapacity = 1 << 16;

    // Longer text goes through the writer, which checks the length limits and throws as the serializer does.
    private const int MaxDirectRawLength = 1 << 24;
    private const int MaxDirectTextLength = 1 << 20;

    private ArrayBufferWriter<byte>? _buffer;
    private Utf8JsonWriter? _writer;

    /// <summary>Writes a quoted string value, or a quoted name and its colon, and returns the bytes written.</summary>
    public ReadOnlySpan<byte> Write(ref Utf8Sink sink, string? value, bool isName)
    {
        if (value is not null && !value.AsSpan().ContainsAnyExcept(JsonTexts.Plain))
        {
            var text = sink.Take(value.Length + (isName ? 3 : 2));
            text[0] = (byte)'"';
            Ascii.FromUtf16(value, text[1..], out _);
            text[value.Length + 1] = (byte)'"';
            if (isName)
            {
                text[^1] = (byte)':';
            }

            return text;
        }

        if (value is { Length: <= MaxDirectTextLength })
        {
            // Text the encoder leaves alone (é, 東京) is its UTF-8 as it is: the writer asks the same encoder.
            var suffix = isName ? 2 : 1;
            var room = sink.Reserve((value.Length * 3) + suffix + 1);
            if (Utf8.FromUtf16(value, room[1..], out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                && RelaxedJson.Encoder.FindFirstCharacterToEncodeUtf8(room.Slice(1, written)) < 0)
            {
                room[0] = (byte)'"';
                room[written + 1] = (byte)'"';
                if (isName)
                {
                    room[written + 2] = (byte)':';
                }

                sink.Commit(written + suffix + 1);
                return room[..(written + suffix + 1)];
            }
        }

        return WriteThroughWriter(ref sink, value, isName);
    }

    /// <summary>Writes raw JSON text, the UTF-8 of the text.</summary>
    public void WriteRaw(ref Utf8Sink sink, string? json)
    {
        if (json is { Length: > 0 and <= MaxDirectRawLength })
        {
            var room = sink.Reserve(json.Length * 3);
            if (Utf8.FromUtf16(json, room, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                sink.Commit(written);
                return;
            }
        }

        // Invalid UTF-16, empty, null or huge: whatever the writer does (it throws), the same way.
        WriteRawThroughWriter(ref sink, json);
    }

    private ReadOnlySpan<byte> WriteThroughWriter(ref Utf8Sink sink, string? value, bool isName)
    {
        var writer = Writer();
        try
        {
            if (isName)
            {
                writer.WritePropertyName(value!);
            }
            else
            {
                writer.WriteStringValue(value);
            }

            return CopyTo(ref sink, writer);
        }
        finally
        {
            Reset(writer);
        }
    }

    private void WriteRawThroughWriter(ref Utf8Sink sink, string? json)
    {
        var writer = Writer();
        try
        {
            writer.WriteRawValue(json!, skipInputValidation: true);
            CopyTo(ref sink, writer);
        }
        finally
        {
            Reset(writer);
        }
    }

    private Utf8JsonWriter Writer()
    {
        _buffer ??= new ArrayBufferWriter<byte>(256);
        return _writer ??= new Utf8JsonWriter(_buffer, RelaxedJson.WriterOptions);
    }

    private ReadOnlySpan<byte> CopyTo(ref Utf8Sink sink, Utf8JsonWriter writer)
    {
        writer.Flush();
        var written = _buffer!.WrittenSpan;
        var text = sink.Take(written.Length);
        written.CopyTo(text);
        return text;
    }

    private void Reset(Utf8JsonWriter writer)
    {
        writer.Reset();
        if (_buffer!.Capacity > MaxKeptCapacity)
        {
            // One huge value does not keep a huge buffer.
            writer.Dispose();
            _writer = null;
            _buffer = null;
            return;
        }

        _buffer.ResetWrittenCount();
    }
}
