using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuditAggregator.ExaVault.Internal;

// The DTO path: the pages the fast reader declines, read by the lenient context and loaded into the same fields, so
// that the same Map builds their events.
internal abstract partial class ExaVaultPageParser
{
    /// <summary>
    /// The DTO path: the source-generated context over a stream (as a stream body is read), each entry's attributes
    /// loaded by <paramref name="load"/> into the fields the fast reader fills, then <see cref="Map"/>.
    /// </summary>
    protected ExaVaultParsedPage ParseWithDtos<TAttributes>(
        ReadOnlySpan<byte> body,
        int status,
        JsonTypeInfo<ExaVaultLogPage<TAttributes>> typeInfo,
        Action<TAttributes> load)
        where TAttributes : class
    {
        var page = Deserialize(body, typeInfo, status);
        var data = page.Data ?? [];
        var raw = IncludeRawRecord && data.Count > 0 ? RawEntries(body, status) : null;
        try
        {
            var events = new AuditEvent[data.Count];
            for (var i = 0; i < events.Length; i++)
            {
                var entry = data[i] ?? throw EntryError($"Entry {i + 1} of a {StreamName} log page is null rather than an object.");
                ResetAttributes();
                if (entry.Attributes is { } attributes)
                {
                    load(attributes);
                }

                var id = entry.Id ?? throw EntryError($"An entry of the {StreamName} log has no id, so it cannot be told apart from others.");
                if (!_hasTime)
                {
                    throw EntryError($"Entry {id} of the {StreamName} log has no readable 'created' time ('{EntryParts.Cut(_createdText)}').");
                }

                RawRecord = raw is not null && i < raw.Count ? raw[i].GetRawText() : null;
                events[i] = Map(id);
            }

            return new ExaVaultParsedPage(events);
        }
        catch (AuditSourceException ex)
        {
            return new ExaVaultParsedPage(ExceptionDispatchInfo.Capture(ex));
        }
        finally
        {
            RawRecord = null;
            ClearScratch();
        }
    }

    /// <summary>Loads a DTO's <c>created</c> as <see cref="ReadCreated"/> reads one.</summary>
    protected void LoadCreated(string? created)
    {
        _createdText = created;
        _hasTime = VendorTime.TryParse(created, out var time, out var offset);
        Time = time;
        Offset = offset;
    }

    /// <summary>Loads a DTO's undeclared attributes as <see cref="AddUnknown(string, ref Utf8JsonReader, ReadOnlySpan{byte})"/> reads them.</summary>
    protected void LoadUnknown(IDictionary<string, JsonElement>? values)
    {
        foreach (var (name, value) in values ?? Enumerable.Empty<KeyValuePair<string, JsonElement>>())
        {
            var isNull = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
            _unknown.Add((name, isNull ? default : AuditValue.FromJsonElement(value), isNull));
        }
    }

    /// <summary>Loads a JSON value of a DTO: <see langword="null"/> when missing or <c>null</c>.</summary>
    protected static AuditValue? LoadValue(JsonElement? value) =>
        value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } element ? AuditValue.FromJsonElement(element) : (AuditValue?)null;

    /// <summary>Deserializes a page, turning JSON errors into the malformed-response error.</summary>
    private T Deserialize<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, int status)
        where T : class
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        try
        {
            return JsonSerializer.Deserialize(stream, typeInfo)
                ?? throw ErrorResponses.Malformed(SourceName, "The response body is null instead of a log page.", status);
        }
        catch (JsonException ex)
        {
            throw ErrorResponses.Malformed(
                SourceName,
                $"The response body is not the documented JSON (at {ex.Path ?? "$"}, line {ex.LineNumber}, byte {ex.BytePositionInLine}).",
                status,
                ex);
        }
    }

    /// <summary>The page's entries as the vendor sent them, read from the same bytes as the DTOs and matched by index.</summary>
    private IReadOnlyList<JsonElement>? RawEntries(ReadOnlySpan<byte> body, int status) =>
        Deserialize(body, ExaVaultJsonContext.Default.ExaVaultRawLogPage, status).Data;

    private AuditSourceException EntryError(string description) =>
        new(SourceName, AuditErrorKind.MalformedResponse, description);
}
