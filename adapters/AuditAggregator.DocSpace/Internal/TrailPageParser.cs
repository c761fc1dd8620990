using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads one page of <c>/events/filter</c> (the <c>AuditEventDto</c> list in the success envelope) with a single
/// <see cref="Utf8JsonReader"/> over the body, straight into <see cref="AuditEvent"/>s: no DTOs, no documents.
/// </summary>
/// <remarks>
/// Names in any case; <c>actionId</c> and the other enums as numbers, numeric strings or names; unknown properties
/// kept in details. Each record is then mapped by <see cref="TrailEventMapper.Build"/>. With raw records on, each
/// event keeps the record's own JSON text, sliced from the same bytes. One instance per read; not thread-safe.
/// </remarks>
internal sealed class TrailPageParser(string source = DocSpaceSourceNames.Source, bool includeRawRecord = false) : IDocSpaceRecordParser
{
    private static readonly byte[][] FieldNames =
    [
        .. new[]
        {
            "id", "date", "user", "userId", "action", "actionId", "ip", "country", "city", "browser", "platform", "page",
            "actionType", "product", "location", "target", "entries", "context",
        }.Select(Encoding.ASCII.GetBytes),
    ];

    private readonly LoginParts _parts = new();
    private readonly Utf8IsoTimeParser _dates = new();

    /// <summary>Gets the name of the source whose events and errors this parser makes.</summary>
    public string Source { get; } = source;

    private enum Field
    {
        Unknown = -1,
        Id,
        Date,
        User,
        UserId,
        Action,
        ActionId,
        Ip,
        Country,
        City,
        Browser,
        Platform,
        Page,
        ActionType,
        Product,
        Location,
        Target,
        Entries,
        Context,
    }

    /// <summary>
    /// Reads a page.
    /// </summary>
    /// <param name="body">The whole response body.</param>
    /// <param name="status">The HTTP status, for errors.</param>
    /// <param name="capacity">The page size asked for, to size the list.</param>
    /// <returns>The page's events, in the server's order.</returns>
    /// <exception cref="AuditSourceException">The envelope says status 1, or has no <c>response</c> array.</exception>
    /// <exception cref="JsonException">The body is not JSON of the documented shape.</exception>
    /// <exception cref="LoginRecordException">A record's <c>date</c> cannot be read.</exception>
    public List<AuditEvent> Parse(ReadOnlySpan<byte> body, int status, int capacity) =>
        DocSpaceEnvelope.ReadPage(this, body, status, capacity, countsAreNumbers: false);

    /// <inheritdoc/>
    public AuditEvent ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        LoginJson.Expect(ref reader, JsonTokenType.StartObject, "response[]");
        var start = reader.TokenStartIndex;
        var fields = default(TrailFields);
        var hasId = false;
        var date = default(RecordDate);
        var strings = _parts.Strings;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = (Field)LoginJson.Classify(ref reader, FieldNames);
            var unknownName = field == Field.Unknown ? strings.GetString(ref reader) : null;
            reader.Read();
            switch (field)
            {
                case Field.Id:
                    LoginJson.Expect(ref reader, JsonTokenType.Number, "id");
                    fields.Id = reader.TryGetInt64(out var id) ? id : throw new JsonException("'id' is not a 64-bit integer.");
                    hasId = true;
                    break;
                case Field.Date:
                    date.Read(ref reader);
                    break;
                case Field.User:
                    fields.User = LoginJson.ReadText(ref reader, strings, "user");
                    break;
                case Field.UserId:
                    fields.UserId = LoginJson.ReadUserId(ref reader, _parts.UserIds);
                    break;
                case Field.Action:
                    fields.Sentence = LoginJson.ReadText(ref reader, strings, "action");
                    break;
                case Field.ActionId:
                    TrailJson.ReadActionId(ref reader, ref fields);
                    break;
                case Field.Ip:
                    fields.Ip = LoginJson.ReadText(ref reader, strings, "ip");
                    break;
                case Field.Country:
                    fields.Country = LoginJson.ReadText(ref reader, strings, "country");
                    break;
                case Field.City:
                    fields.City = LoginJson.ReadText(ref reader, strings, "city");
                    break;
                case Field.Browser:
                    fields.Browser = LoginJson.ReadText(ref reader, strings, "browser");
                    break;
                case Field.Platform:
                    fields.Platform = LoginJson.ReadText(ref reader, strings, "platform");
                    break;
                case Field.Page:
                    fields.Page = LoginJson.ReadText(ref reader, strings, "page");
                    break;
                case Field.ActionType:
                    fields.ActionType = TrailJson.ReadEnum(ref reader, strings, TrailEnums.ActionType, "actionType");
                    break;
                case Field.Product:
                    fields.Product = TrailJson.ReadEnum(ref reader, strings, TrailEnums.Product, "product");
                    break;
                case Field.Location:
                    fields.Location = TrailJson.ReadEnum(ref reader, strings, TrailEnums.Location, "location");
                    break;
                case Field.Target:
                    fields.Target = TrailJson.ReadList(ref reader, strings, null, "target");
                    break;
                case Field.Entries:
                    fields.Entries = TrailJson.ReadList(ref reader, strings, TrailEnums.Entry, "entries");
                    break;
                case Field.Context:
                    fields.Context = LoginJson.ReadText(ref reader, strings, "context");
                    break;
                default:
                    (fields.Extra ??= new List<KeyValuePair<string, AuditValue>>(2))
                        .Add(new(unknownName!, JsonAuditValues.Read(ref reader, body, strings)));
                    break;
            }
        }

        if (!hasId)
        {
            throw new JsonException("An audit-trail record has no 'id'.");
        }

        date.Resolve(_dates, fields.Id, Source, "Audit-trail", out fields.Time, out fields.Offset);

        if (includeRawRecord)
        {
            fields.RawRecord = JsonAuditValues.FromCompletedValue(ref reader, body, start).AsString();
        }

        return TrailEventMapper.Build(ref fields, _parts, Source);
    }
}
