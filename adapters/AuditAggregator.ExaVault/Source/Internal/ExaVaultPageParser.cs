using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuditAggregator.Parsing;
using NodaTime;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads one ExaVault log page (<c>{"responseStatus",...,"data":[{"type","id","attributes"}]}</c>) with one
/// <see cref="Utf8JsonReader"/> over the whole body and maps each entry as it ends, creating no DTOs and no documents.
/// </summary>
/// <remarks>
/// <para>
/// The result equals what <see cref="ExaVaultJsonContext"/> plus the mapper produce for the same body. The fast
/// reader accepts only what it can map exactly that way; anything else (malformed JSON, a value of the wrong kind, an
/// entry without id or readable time, a <see langword="null"/> entry, <see cref="IncludeRawRecord"/>) sends the whole
/// page through the DTO path, so errors and odd bodies behave exactly as before.
/// </para>
/// <para>
/// One instance per stream of pages (it owns a <see cref="Utf8StringCache"/> and scratch buffers); not thread-safe.
/// </para>
/// </remarks>
internal abstract class ExaVaultPageParser
{
    private const int ActorSlotBits = 6;

    /// <summary>The number of fields a subclass may read through <see cref="TryReadRecent"/>.</summary>
    protected const int RecentSlots = 8;
    private static readonly PropertyNames PageNames = new("responseStatus", "totalResults", "returnedResults", "data");
    private static readonly PropertyNames EntryNames = new("type", "id", "attributes");

    private readonly List<(string Name, AuditValue Value, bool IsNull)> _unknown = [];
    private readonly AuditActor?[] _actors = new AuditActor?[1 << ActorSlotBits];
    private bool _hasTime;
    private Utf8VendorTime.Day _day;
    private byte[] _lastType = [];
    private readonly Recent[] _recent = new Recent[RecentSlots];

    protected ExaVaultPageParser(Utf8StringCache strings, bool includeRawRecord)
    {
        ArgumentNullException.ThrowIfNull(strings);
        Strings = strings;
        IncludeRawRecord = includeRawRecord;
    }

    /// <summary>Gets the cache repeated values are read through.</summary>
    public Utf8StringCache Strings { get; }

    /// <summary>Gets a value indicating whether events carry the entry as JSON; the DTO path builds those.</summary>
    public bool IncludeRawRecord { get; }

    /// <summary>Gets the number of pages read through the DTO path rather than the fast reader.</summary>
    public int DtoPages { get; private set; }

    /// <summary>Gets the current entry's time, once <see cref="ReadCreated"/> has read one.</summary>
    protected Instant Time { get; private set; }

    /// <summary>Gets the current entry's offset, once <see cref="ReadCreated"/> has read one.</summary>
    protected Offset? Offset { get; private set; }

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
        if (!IncludeRawRecord)
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
                // Malformed or unusual: the DTO path below reads it again and fails (or not) exactly as before.
            }
            finally
            {
                ClearScratch();
            }
        }

        DtoPages++;
        return ParseWithDtos(body, status);
    }

    /// <summary>Forgets the current entry's attributes.</summary>
    protected virtual void ResetAttributes()
    {
        _hasTime = false;
        _unknown.Clear();
    }

    /// <summary>Reads the attributes object the reader is on, leaving the reader on its end.</summary>
    /// <returns><see langword="false"/> to send the page through the DTO path.</returns>
    protected abstract bool ReadAttributes(ref Utf8JsonReader reader, ReadOnlySpan<byte> json);

    /// <summary>Maps the current entry.</summary>
    /// <returns>The event, or <see langword="null"/> to send the page through the DTO path.</returns>
    protected abstract AuditEvent? Map(long id);

    /// <summary>Deserializes the page into the DTOs and maps them, exactly as the client and source did before.</summary>
    protected abstract ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status);

    /// <summary>The DTO path: the source-generated context over a stream (as the client read it), then the mapper.</summary>
    protected ExaVaultParsedPage ParseWithDtos<TAttributes>(
        ReadOnlySpan<byte> body,
        int status,
        JsonTypeInfo<ExaVaultLogPage<TAttributes>> typeInfo,
        Func<ExaVaultLogEntry<TAttributes>, bool, AuditEvent> map)
        where TAttributes : class
    {
        ExaVaultLogPage<TAttributes> page;
        using (var stream = new MemoryStream(body.ToArray(), writable: false))
        {
            page = ExaVaultClient.Deserialize(stream, typeInfo, status);
        }

        try
        {
            return new ExaVaultParsedPage(page.Data is { } data ? [.. data.Select(e => map(e, IncludeRawRecord))] : []);
        }
        catch (Exception ex)
        {
            return new ExaVaultParsedPage(ExceptionDispatchInfo.Capture(ex));
        }
    }

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

    /// <summary>Reads a <see cref="long"/> property as the context does: a number, or a string holding one.</summary>
    protected static bool TryReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when TryDigits(reader.ValueSpan, out var digits):
                value = digits;
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
    /// A missing or unreadable time leaves the entry without one, which <see cref="Map"/> turns into the DTO path's error.
    /// </summary>
    protected bool ReadCreated(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && Utf8VendorTime.TryParse(reader.ValueSpan, ref _day, out var time, out var offset))
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

    /// <summary>Keeps an attribute the contract does not declare, as the context's extension data would.</summary>
    /// <returns>Always <see langword="true"/>; malformed JSON throws.</returns>
    protected bool AddUnknown(string name, ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var isNull = reader.TokenType == JsonTokenType.Null;
        var value = isNull ? default : JsonAuditValues.Read(ref reader, json, Strings);
        for (var i = 0; i < _unknown.Count; i++)
        {
            if (string.Equals(_unknown[i].Name, name, StringComparison.Ordinal))
            {
                // The extension dictionary's indexer: a repeated name keeps its place and takes the last value.
                _unknown[i] = (name, value, isNull);
                return true;
            }
        }

        _unknown.Add((name, value, isNull));
        return true;
    }

    /// <summary>Gets a value indicating whether <c>created</c> was read.</summary>
    protected bool HasTime => _hasTime;

    /// <summary>
    /// Starts the details of the current entry: an array for the <paramref name="known"/> details the subclass counted,
    /// plus room for the undeclared attributes, so that the details are written once and handed over without a copy.
    /// </summary>
    protected KeyValuePair<string, AuditValue>[] StartDetails(int known)
    {
        var extra = 0;
        for (var i = 0; i < _unknown.Count; i++)
        {
            extra += _unknown[i].IsNull ? 0 : 1;
        }

        return known + extra == 0 ? [] : new KeyValuePair<string, AuditValue>[known + extra];
    }

    /// <summary>Counts a detail <see cref="Put(KeyValuePair{string, AuditValue}[], ref int, string, string?)"/> adds.</summary>
    protected static int Has(string? value) => string.IsNullOrEmpty(value) ? 0 : 1;

    /// <summary>Counts a detail that is added when present.</summary>
    protected static int Has<T>(T? value)
        where T : struct => value.HasValue ? 1 : 0;

    /// <summary>Adds a detail unless it is missing or empty, as <see cref="DetailsBuilder"/> does.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items[count++] = new(key, AuditValue.FromString(value));
        }
    }

    /// <summary>Adds a detail unless it is missing.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, long? value)
    {
        if (value is { } number)
        {
            items[count++] = new(key, AuditValue.FromInt64(number));
        }
    }

    /// <summary>Adds a detail unless it is missing.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, bool? value)
    {
        if (value is { } flag)
        {
            items[count++] = new(key, AuditValue.FromBoolean(flag));
        }
    }

    /// <summary>Adds a detail unless it is missing.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, AuditValue? value)
    {
        if (value is { } known)
        {
            items[count++] = new(key, known);
        }
    }

    /// <summary>
    /// Adds the undeclared attributes after the <paramref name="count"/> details written, then builds the details as
    /// <see cref="DetailsBuilder.Build"/> does.
    /// </summary>
    protected AuditDetails FinishDetails(KeyValuePair<string, AuditValue>[] items, int count)
    {
        for (var i = 0; i < _unknown.Count; i++)
        {
            var (name, value, isNull) = _unknown[i];
            if (!isNull)
            {
                items[count++] = new(name, value);
            }
        }

        if (count != items.Length)
        {
            throw new InvalidOperationException("The details counted and the details written differ.");
        }

        if (count == 0)
        {
            return AuditDetails.Empty;
        }

        return _unknown.Count == 0 || HasDistinctKeys(items) ? AuditDetails.FromDistinct(items) : new AuditDetails(items);
    }

    /// <summary>Returns <see cref="EntryParts.Actor"/> for the user name, shared for a repeated (cached) name.</summary>
    protected AuditActor ActorOf(string? username)
    {
        if (string.IsNullOrEmpty(username))
        {
            return AuditActor.Unknown;
        }

        ref var slot = ref _actors[Slot(username, ActorSlotBits)];
        if (slot is { } known && ReferenceEquals(known.Name, username))
        {
            return known;
        }

        return slot = new AuditActor(null, username, username);
    }

    /// <summary>
    /// The slot of a string in a table of 2^<paramref name="bits"/>, for the reference-keyed caches: a mixed hash of
    /// four characters and the length, enough to spread the usual values, and a clash only costs a miss
    /// (<see cref="RuntimeHelpers.GetHashCode(object)"/> measured as slow as the rest of the lookup).
    /// </summary>
    protected static int Slot(string value, int bits)
    {
        var hash = value.Length == 0
            ? 0
            : (value.Length * 0x2D) ^ (value[0] * 0x3B9) ^ (value[value.Length / 2] * 0x1F) ^ (value[^1] << 7) ^ (value[value.Length / 4] << 13);
        return (int)(((uint)hash * 0x9E3779B1u) >> (32 - bits));
    }

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
            if (reader.TokenType != JsonTokenType.StartObject || ReadEntry(ref reader, body) is not { } entry)
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

    private AuditEvent? ReadEntry(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
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

        return id is { } value && _hasTime ? Map(value) : null;
    }

    /// <summary>Where on the current page a field's last text was, and its string.</summary>
    private struct Recent
    {
        public int Start;
        public int Length;
        public string? Value;
    }

    private static int ExactEntryField(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? 1 : -1,
        4 => name.SequenceEqual("type"u8) ? 0 : -1,
        10 => name.SequenceEqual("attributes"u8) ? 2 : -1,
        _ => -1,
    };

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

    private static bool HasDistinctKeys(KeyValuePair<string, AuditValue>[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(items[i].Key, items[j].Key, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void ClearScratch()
    {
        _unknown.Clear();
    }
}
