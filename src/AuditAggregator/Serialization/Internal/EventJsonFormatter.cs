using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Writes an <see cref="AuditEvent"/> in the documented JSON form, byte for byte what the source-generated serializer
/// writes through a compact <see cref="Utf8JsonWriter"/> with <see cref="RelaxedJson"/>'s escaping, but straight into
/// the buffer: names as UTF-8 literals, instants and offsets formatted in place, and repeated strings copied from
/// <see cref="EscapedStringCache"/>s. The serializer's metadata path was a quarter of an export's CPU.
/// </summary>
/// <remarks>
/// The identity holds by construction: strings, names and raw values are written as the writer itself writes them
/// (<see cref="JsonStringWriter"/>), the enums' names are the serializer's own (<see cref="JsonTexts"/>), and an event
/// whose category or outcome has no name goes through the serializer. One instance per output; not thread-safe.
/// </remarks>
internal sealed class EventJsonFormatter
{
    private const int ValueCacheSize = 2048;
    private const int NameCacheSize = 256;

    private readonly EscapedStringCache? _values;
    private readonly EscapedStringCache? _names;
    private readonly JsonStringWriter _strings = new();

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
        var category = JsonTexts.Of(auditEvent.Category);
        var outcome = JsonTexts.Of(auditEvent.Outcome);
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

    private static bool IsPlain(string? value) => value is null || !value.AsSpan().ContainsAnyExcept(JsonTexts.Plain);

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
            _strings.Write(ref sink, auditEvent.Id, isName: false);
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

            WriteString(ref sink, items[i].Key, _names, isName: true);
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
                _strings.WriteRaw(ref sink, value.AsString());
                break;
        }
    }

    // A detail name (isName) is written escaped the same way, from its own cache.
    private void WriteString(ref Utf8Sink sink, string? value, EscapedStringCache? cache, bool isName = false)
    {
        if (value is null)
        {
            sink.Write("null"u8);
            return;
        }

        if (cache is null)
        {
            _strings.Write(ref sink, value, isName);
            return;
        }

        ref var entry = ref cache.Find(value);
        if (ReferenceEquals(entry.Key, value))
        {
            sink.Write(entry.Bytes);
            return;
        }

        entry.Offer(value, _strings.Write(ref sink, value, isName));
    }

    private static void WriteWithSerializer(IBufferWriter<byte> output, AuditEvent auditEvent)
    {
        using var writer = new Utf8JsonWriter(output, RelaxedJson.WriterOptions);
        JsonSerializer.Serialize(writer, auditEvent, RelaxedJson.Context.AuditEvent);
    }
}
