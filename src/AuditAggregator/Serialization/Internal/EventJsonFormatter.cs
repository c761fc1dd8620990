using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Writes an <see cref="AuditEvent"/> in the documented JSON form, byte for byte what the source-generated serializer
/// writes through a compact <see cref="Utf8JsonWriter"/> with <see cref="RelaxedJson"/>'s escaping, but straight into
/// the buffer: names as UTF-8 literals, instants and offsets formatted in place, and repeated strings copied from
/// <see cref="EscapedStringCache"/>s. The serializer's metadata path was a quarter of an export's CPU.
/// </summary>
/// <remarks>
/// The identity holds by construction: text that is printable ASCII the writer leaves alone (that set is read from a
/// <see cref="Utf8JsonWriter"/> at start-up, not assumed) is copied as it is; any other string, name or raw value goes
/// through a scratch <see cref="Utf8JsonWriter"/> with the same options, and an event whose category or outcome has no
/// name goes through the serializer itself. One instance per output; not thread-safe.
/// </remarks>
internal sealed class EventJsonFormatter
{
    private const int ValueCacheSize = 1024;
    private const int NameCacheSize = 64;
    private const int MaxScratchCapacity = 1 << 16;

    // Longer raw values go through the scratch writer, which checks the length limit and throws as the serializer does.
    private const int MaxDirectRawLength = 1 << 24;

    private static readonly SearchValues<char> Plain = PlainAscii();
    private static readonly byte[]?[] Categories = EnumTexts(RelaxedJson.Context.AuditCategory);
    private static readonly byte[]?[] Outcomes = EnumTexts(RelaxedJson.Context.AuditOutcome);

    private readonly EscapedStringCache? _values;
    private readonly EscapedStringCache? _names;
    private ArrayBufferWriter<byte>? _scratch;
    private Utf8JsonWriter? _scratchWriter;

    /// <param name="cacheStrings">Whether to keep the escaped bytes of repeated strings (for a writer of many events).</param>
    public EventJsonFormatter(bool cacheStrings)
    {
        if (cacheStrings)
        {
            _values = new EscapedStringCache(ValueCacheSize);
            _names = new EscapedStringCache(NameCacheSize);
        }
    }

    /// <summary>Writes one event as a JSON object to <paramref name="output"/>.</summary>
    public void Write(IBufferWriter<byte> output, AuditEvent auditEvent)
    {
        var category = Text(Categories, (int)auditEvent.Category);
        var outcome = Text(Outcomes, (int)auditEvent.Outcome);
        if (category is null || outcome is null)
        {
            WriteWithSerializer(output, auditEvent);
            return;
        }

        var sink = new Utf8Sink(output);
        sink.Write("{\"id\":"u8);
        WriteId(ref sink, auditEvent);
        sink.Write(",\"source\":"u8);
        WriteString(ref sink, auditEvent.Source, _values);
        sink.Write(",\"vendor\":"u8);
        WriteString(ref sink, auditEvent.Vendor, _values);
        sink.Write(",\"stream\":"u8);
        WriteString(ref sink, auditEvent.Stream, _values);
        sink.Write(",\"sourceId\":"u8);
        WriteString(ref sink, auditEvent.SourceId, cache: null);
        sink.Write(",\"time\":"u8);
        WriteTime(ref sink, auditEvent.Time);
        sink.Write(",\"offset\":"u8);
        WriteOffset(ref sink, auditEvent.Offset);
        sink.Write(",\"category\":"u8);
        sink.Write(category);
        sink.Write(",\"action\":"u8);
        WriteString(ref sink, auditEvent.Action, _values);
        sink.Write(",\"outcome\":"u8);
        sink.Write(outcome);
        sink.Write(",\"actor\":"u8);
        WriteActor(ref sink, auditEvent.Actor);
        sink.Write(",\"ip\":"u8);
        WriteString(ref sink, auditEvent.Ip, _values);
        sink.Write(",\"userAgent\":"u8);
        WriteString(ref sink, auditEvent.UserAgent, _values);
        sink.Write(",\"location\":"u8);
        WriteString(ref sink, auditEvent.Location, _values);
        sink.Write(",\"resource\":"u8);
        WriteString(ref sink, auditEvent.Resource, _values);
        sink.Write(",\"vendorAction\":"u8);
        WriteString(ref sink, auditEvent.VendorAction, _values);
        sink.Write(",\"vendorActionName\":"u8);
        WriteString(ref sink, auditEvent.VendorActionName, _values);
        sink.Write(",\"details\":"u8);
        WriteDetails(ref sink, auditEvent.Details);
        sink.Write((byte)'}');
        sink.Complete();
    }

    private static byte[]? Text(byte[]?[] texts, int value) => (uint)value < (uint)texts.Length ? texts[value] : null;

    private static bool IsPlain(string? value) => value is null || !value.AsSpan().ContainsAnyExcept(Plain);

    private static void Narrow(string? value, Span<byte> destination)
    {
        if (value is not null)
        {
            Ascii.FromUtf16(value, destination, out _);
        }
    }

    private static void WriteTime(ref Utf8Sink sink, NodaTime.Instant time)
    {
        var room = sink.Reserve(Utf8InstantFormatter.MaxLength + 2);
        room[0] = (byte)'"';
        var length = Utf8InstantFormatter.Format(time, room[1..]);
        room[length + 1] = (byte)'"';
        sink.Commit(length + 2);
    }

    private static void WriteOffset(ref Utf8Sink sink, NodaTime.Offset? offset)
    {
        if (offset is not { } value)
        {
            sink.Write("null"u8);
            return;
        }

        var room = sink.Reserve(Utf8OffsetFormatter.MaxLength + 2);
        room[0] = (byte)'"';
        var length = Utf8OffsetFormatter.Format(value, room[1..]);
        room[length + 1] = (byte)'"';
        sink.Commit(length + 2);
    }

    private void WriteId(ref Utf8Sink sink, AuditEvent auditEvent)
    {
        // Source, stream and id joined by ':' (a null part is empty, as in string.Concat); plain ASCII escapes part by
        // part, anything else is escaped whole, as the serializer escapes the joined string.
        string? source = auditEvent.Source, stream = auditEvent.Stream, sourceId = auditEvent.SourceId;
        if (!IsPlain(source) || !IsPlain(stream) || !IsPlain(sourceId))
        {
            WriteEscaped(ref sink, auditEvent.Id, isName: false);
            return;
        }

        int sourceLength = source?.Length ?? 0, streamLength = stream?.Length ?? 0, idLength = sourceId?.Length ?? 0;
        var text = sink.Take(sourceLength + streamLength + idLength + 4);
        text[0] = (byte)'"';
        Narrow(source, text.Slice(1, sourceLength));
        text[sourceLength + 1] = (byte)':';
        Narrow(stream, text.Slice(sourceLength + 2, streamLength));
        text[sourceLength + streamLength + 2] = (byte)':';
        Narrow(sourceId, text.Slice(sourceLength + streamLength + 3, idLength));
        text[^1] = (byte)'"';
    }

    private void WriteActor(ref Utf8Sink sink, AuditActor? actor)
    {
        if (actor is null)
        {
            sink.Write("null"u8);
            return;
        }

        sink.Write("{\"id\":"u8);
        WriteString(ref sink, actor.Id, _values);
        sink.Write(",\"name\":"u8);
        WriteString(ref sink, actor.Name, _values);
        sink.Write(",\"login\":"u8);
        WriteString(ref sink, actor.Login, _values);
        sink.Write((byte)'}');
    }

    private void WriteDetails(ref Utf8Sink sink, AuditDetails? details)
    {
        if (details is null)
        {
            sink.Write("null"u8);
            return;
        }

        sink.Write((byte)'{');
        var items = details.Items;
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                sink.Write((byte)',');
            }

            WriteName(ref sink, items[i].Key);
            WriteValue(ref sink, items[i].Value);
        }

        sink.Write((byte)'}');
    }

    private void WriteValue(ref Utf8Sink sink, AuditValue value)
    {
        switch (value.Kind)
        {
            case AuditValueKind.String:
                WriteString(ref sink, value.AsString(), _values);
                break;
            case AuditValueKind.Integer:
                value.TryGetInt64(out var integer);
                Utf8Formatter.TryFormat(integer, sink.Reserve(20), out var length);
                sink.Commit(length);
                break;
            case AuditValueKind.Boolean:
                value.TryGetBoolean(out var boolean);
                sink.Write(boolean ? "true"u8 : "false"u8);
                break;
            default:
                WriteRaw(ref sink, value.AsString());
                break;
        }
    }

    private void WriteString(ref Utf8Sink sink, string? value, EscapedStringCache? cache)
    {
        if (value is null)
        {
            sink.Write("null"u8);
            return;
        }

        if (cache is null)
        {
            WriteEscaped(ref sink, value, isName: false);
            return;
        }

        ref var entry = ref cache.Find(value);
        if (ReferenceEquals(entry.Key, value))
        {
            sink.Write(entry.Bytes);
            return;
        }

        entry.Offer(value, WriteEscaped(ref sink, value, isName: false));
    }

    private void WriteName(ref Utf8Sink sink, string key)
    {
        if (key is null || _names is null)
        {
            WriteEscaped(ref sink, key!, isName: true);
            return;
        }

        ref var entry = ref _names.Find(key);
        if (ReferenceEquals(entry.Key, key))
        {
            sink.Write(entry.Bytes);
            return;
        }

        entry.Offer(key, WriteEscaped(ref sink, key, isName: true));
    }

    /// <summary>Writes a quoted string value, or a quoted name and its colon, and returns the bytes written.</summary>
    private ReadOnlySpan<byte> WriteEscaped(ref Utf8Sink sink, string value, bool isName)
    {
        if (value is not null && !value.AsSpan().ContainsAnyExcept(Plain))
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

        var writer = ScratchWriter();
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

            return CopyScratch(ref sink, writer);
        }
        finally
        {
            ResetScratch(writer);
        }
    }

    private void WriteRaw(ref Utf8Sink sink, string? json)
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
        var writer = ScratchWriter();
        try
        {
            writer.WriteRawValue(json!, skipInputValidation: true);
            CopyScratch(ref sink, writer);
        }
        finally
        {
            ResetScratch(writer);
        }
    }

    private Utf8JsonWriter ScratchWriter()
    {
        _scratch ??= new ArrayBufferWriter<byte>(256);
        return _scratchWriter ??= new Utf8JsonWriter(_scratch, RelaxedJson.WriterOptions);
    }

    private ReadOnlySpan<byte> CopyScratch(ref Utf8Sink sink, Utf8JsonWriter writer)
    {
        writer.Flush();
        var written = _scratch!.WrittenSpan;
        var text = sink.Take(written.Length);
        written.CopyTo(text);
        return text;
    }

    private void ResetScratch(Utf8JsonWriter writer)
    {
        writer.Reset();
        if (_scratch!.Capacity > MaxScratchCapacity)
        {
            // One huge value does not keep a huge buffer.
            _scratchWriter!.Dispose();
            _scratchWriter = null;
            _scratch = null;
            return;
        }

        _scratch.ResetWrittenCount();
    }

    private static void WriteWithSerializer(IBufferWriter<byte> output, AuditEvent auditEvent)
    {
        using var writer = new Utf8JsonWriter(output, RelaxedJson.WriterOptions);
        JsonSerializer.Serialize(writer, auditEvent, RelaxedJson.Context.AuditEvent);
    }

    /// <summary>The printable ASCII characters a relaxed <see cref="Utf8JsonWriter"/> writes as they are, asked of the writer.</summary>
    private static SearchValues<char> PlainAscii()
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        using var writer = new Utf8JsonWriter(buffer, RelaxedJson.WriterOptions);
        var plain = new List<char>();
        for (var c = ' '; c < 0x7F; c++)
        {
            writer.WriteStringValue([c]);
            writer.Flush();
            if (buffer.WrittenSpan.SequenceEqual([(byte)'"', (byte)c, (byte)'"']))
            {
                plain.Add(c);
            }

            writer.Reset();
            buffer.ResetWrittenCount();
        }

        return SearchValues.Create([.. plain]);
    }

    /// <summary>The serializer's text of every named value of an enum, indexed by value.</summary>
    private static byte[]?[] EnumTexts<T>(JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var texts = new byte[]?[values.Length == 0 ? 0 : values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            if (number >= 0)
            {
                texts[number] = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
            }
        }

        return texts;
    }
}
