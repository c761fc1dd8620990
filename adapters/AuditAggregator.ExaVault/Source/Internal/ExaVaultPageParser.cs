using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;
using NodaTime;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads one ExaVault log page (<c>{"responseStatus",...,"data":[{"type","id","attributes"}]}</c>) with one
/// <see cref="Utf8JsonReader"/> over the whole body and builds each entry's <see cref="AuditEvent"/> as it ends,
/// creating no DTOs and no documents. <see cref="Map"/> is the one place an entry of the log becomes an event.
/// </summary>
/// <remarks>
/// <para>
/// The fast reader accepts only what it can read exactly as the lenient <see cref="ExaVaultJsonContext"/> would.
/// Anything else (malformed JSON, a value of the wrong kind, an entry without id or readable time, a
/// <see langword="null"/> entry) sends the whole page through that context instead: its DTOs are loaded into the same
/// fields and built by the same <see cref="Map"/>, so odd bodies give the same events and errors.
/// </para>
/// <para>
/// With <see cref="IncludeRawRecord"/>, each event carries the bytes of its entry as the vendor sent them, on either
/// path.
/// </para>
/// <para>
/// One instance per stream of pages (it owns a <see cref="Utf8StringCache"/> and scratch buffers); not thread-safe.
/// </para>
/// </remarks>
internal abstract partial class ExaVaultPageParser
{
    private const int ActorSlotBits = 6;

    /// <summary>The number of fields a subclass may read through <see cref="TryReadRecent"/>.</summary>
    protected const int RecentSlots = 8;
    private static readonly PropertyNames PageNames = new("responseStatus", "totalResults", "returnedResults", "data");
    private static readonly PropertyNames EntryNames = new("type", "id", "attributes");
    private static readonly ulong IdKey = NameKey.Head("id"u8);
    private static readonly ulong TypeKey = NameKey.Head("type"u8);
    private static readonly ulong AttributesHead = NameKey.Head("attributes"u8);
    private static readonly ulong AttributesTail = NameKey.Tail("attributes"u8);

    private readonly List<(string Name, AuditValue Value, bool IsNull)> _unknown = [];
    private readonly AuditActor?[] _actors = new AuditActor?[1 << ActorSlotBits];
    private bool _hasTime;
    private string? _createdText;
    private readonly Utf8IsoTimeParser _dates = new();
    private byte[] _lastType = [];
    private readonly Recent[] _recent = new Recent[RecentSlots];

    protected ExaVaultPageParser(string sourceName, Utf8StringCache strings, bool includeRawRecord)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(strings);
        SourceName = sourceName;
        Strings = strings;
        IncludeRawRecord = includeRawRecord;
    }

    /// <summary>Gets the configured name of the source, the <see cref="AuditEvent.Source"/> of every event and error.</summary>
    public string SourceName { get; }

    /// <summary>Gets the cache repeated values are read through.</summary>
    public Utf8StringCache Strings { get; }

    /// <summary>Gets a value indicating whether events carry their entry's bytes as <see cref="AuditEvent.RawRecord"/>.</summary>
    public bool IncludeRawRecord { get; }

    /// <summary>Gets the number of pages read through the DTO path rather than the fast reader.</summary>
    public int DtoPages { get; private set; }

    /// <summary>Gets the name of the log, for errors.</summary>
    protected abstract string StreamName { get; }

    /// <summary>Gets the current entry's time, once <see cref="ReadCreated"/> has read one.</summary>
    protected Instant Time { get; private set; }

    /// <summary>Gets the current entry's offset, once <see cref="ReadCreated"/> has read one.</summary>
    protected Offset? Offset { get; private set; }

    /// <summary>Gets the current entry as the vendor sent it, when <see cref="IncludeRawRecord"/> asks for it.</summary>
    protected string? RawRecord { get; private set; }

    /// <summary>
    /// Parses a page and maps its entries.
    /// </summary>
    /// <param name="body">The whole response body.</param>
    /// <returns>The events.</returns>
    /// <exception cref="AuditSourceException">The body is not a log page, or an entry cannot be mapped.</exception>
    public AuditEvent[] Parse(ReadOnlySpan<byte> body) => Parse(body, 200).GetEvents();

    /// <summary>
    /// Parses a page inside a retried attempt: a malformed body throws (and is retried), an entry that cannot be mapped
    /// is carried in the result.
    /// </summary>
    /// <param name="body">The whole response body.</param>
    /// <param name="status">The response's HTTP status, for errors.</param>
    /// <returns>The events, or the mapping error.</returns>
    /// <exception cref="AuditSourceException">The body is not the documented JSON.</exception>
    public ExaVaultParsedPage Parse(ReadOnlySpan<byte> body, int status)
    {
        try
        {
            if (ReadPage(body) is { } events)
            {
                return new ExaVaultParsedPage(events);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Malformed or unusual: the DTO path below reads it again and fails (or not) as the lenient context does.
        }
        finally
        {
            ClearScratch();
        }

        DtoPages++;
        return ParseWithDtos(body, status);
    }

    /// <summary>
    /// Parses a page through the DTO path alone, as <see cref="Parse(ReadOnlySpan{byte}, int)"/> does when the fast
    /// reader declines a page; for the tests and benchmarks that compare the two readers.
    /// </summary>
    public ExaVaultParsedPage ParseThroughDtos(ReadOnlySpan<byte> body, int status = 200) => ParseWithDtos(body, status);

    /// <summary>Forgets the current entry's attributes.</summary>
    protected virtual void ResetAttributes()
    {
        _hasTime = false;
        _createdText = null;
        _unknown.Clear();
    }

    /// <summary>Reads the attributes object the reader is on, leaving the reader on its end.</summary>
    /// <returns><see langword="false"/> to send the page through the DTO path.</returns>
    protected abstract bool ReadAttributes(ref Utf8JsonReader reader, ReadOnlySpan<byte> json);

    /// <summary>Builds the current entry's event: the one place an entry of this log becomes an <see cref="AuditEvent"/>.</summary>
    /// <param name="id">The entry's id.</param>
    /// <returns>The event.</returns>
    protected abstract AuditEvent Map(long id);

    /// <summary>Deserializes the page into the DTOs, loads each entry's attributes and maps it.</summary>
    protected abstract ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status);

    private void Set(Instant time, Offset offset)
    {
        Time = time;
        Offset = offset;
        _hasTime = true;
    }

    private AuditEvent[]? ReadPage(ReadOnlySpan<byte> body)
    {
        // The stream path skips a UTF-8 byte order mark; so does this one.
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        Array.Clear(_recent);
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        AuditEvent[]? events = [];
        var hint = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = PageNames.Find(ref reader, Strings, out _);
            reader.Read();
            switch (field)
            {
                case 0 when TryReadInt32(ref reader, out _):
                case 1 when TryReadInt64(ref reader, out _):
                    break;
                case 2 when TryReadInt32(ref reader, out var returned):
                    hint = returned ?? 0;
                    break;
                case 3 when reader.TokenType == JsonTokenType.Null:
                    events = [];
                    break;
                case 3 when reader.TokenType == JsonTokenType.StartArray:
                    events = ReadEntries(ref reader, body, hint);
                    if (events is null)
                    {
                        return null;
                    }

                    break;
                case PropertyNames.Unknown:
                    reader.Skip();
                    break;
                default:
                    return null;
            }
        }

        // One complete object and nothing after it (Read throws on trailing content).
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? events : null;
    }

    private AuditEvent[]? ReadEntries(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int hint)
    {
        var events = new AuditEvent[hint is > 0 and <= ExaVaultOptions.MaxPageSize ? hint : 16];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || ReadEntry(ref reader, body, reader.TokenStartIndex) is not { } entry)
            {
                return null;
            }

            if (count == events.Length)
            {
                Array.Resize(ref events, count * 2);
            }

            events[count++] = entry;
        }

        return count == events.Length ? events : events[..count];
    }

    private AuditEvent? ReadEntry(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, long start)
    {
        long? id = null;
        ResetAttributes();
        var read = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? -1 : ExactEntryField(reader.ValueSpan);
            if (field < 0)
            {
                field = EntryNames.Find(ref reader, Strings, out _);
            }

            reader.Read();
            switch (field)
            {
                case 0 when ReadType(ref reader):
                case 1 when TryReadInt64(ref reader, out id):
                    break;
                case 2 when reader.TokenType == JsonTokenType.Null:
                    ResetAttributes();
                    read = false;
                    break;
                case 2 when reader.TokenType == JsonTokenType.StartObject:
                    // A repeated attributes object replaces the earlier one; the first needs no second reset.
                    if (read)
                    {
                        ResetAttributes();
                    }

                    read = true;
                    if (!ReadAttributes(ref reader, body))
                    {
                        return null;
                    }

                    break;
                case PropertyNames.Unknown:
                    reader.Skip();
                    break;
                default:
                    return null;
            }
        }

        if (id is not { } value || !_hasTime)
        {
            return null;
        }

        // The reader is on the entry's closing brace.
        RawRecord = IncludeRawRecord ? Encoding.UTF8.GetString(body[checked((int)start)..checked((int)reader.BytesConsumed)]) : null;
        return Map(value);
    }

    /// <summary>The index of an entry's name spelt exactly as the server spells it, or -1 (see <see cref="NameKey"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExactEntryField(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => NameKey.Head(name) == IdKey ? 1 : -1,
        4 => NameKey.Short(name) == TypeKey ? 0 : -1,
        10 => NameKey.First8(name) == AttributesHead && NameKey.Last8(name) == AttributesTail ? 2 : -1,
        _ => -1,
    };

    private void ClearScratch()
    {
        _unknown.Clear();
        RawRecord = null;
    }
}
