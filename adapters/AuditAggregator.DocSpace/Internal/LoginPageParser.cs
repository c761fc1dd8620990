using System.Runtime.CompilerServices;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads one page of <c>/login/filter</c> (the <c>LoginEventArrayWrapper</c> envelope) with a single
/// <see cref="Utf8JsonReader"/> over the body, straight into <see cref="AuditEvent"/>s: no DTOs, no documents, and
/// repeated values (names, addresses, user agents, sentences) shared through <see cref="LoginParts"/>.
/// </summary>
/// <remarks>
/// The one reader of login records: names in any case, <c>actionId</c> as a number or a numeric string, unknown
/// properties kept; each record is then mapped by <see cref="LoginEventMapper.Build"/>. With raw records on, each
/// event keeps the record's own JSON text, sliced from the same bytes. One instance per read; not thread-safe: concurrent page fetches take <see cref="Gate"/> around a parse.
/// </remarks>
internal sealed class LoginPageParser(string source = DocSpaceSourceNames.Source, bool includeRawRecord = false) : IDocSpaceRecordParser
{
    private readonly LoginParts _parts = new();
    private readonly Utf8IsoTimeParser _dates = new();

    /// <summary>Gets the name of the source whose events and errors this parser makes.</summary>
    public string Source { get; } = source;

    /// <summary>Gets the lock that serializes parses while a read has several pages in flight.</summary>
    public Lock Gate { get; } = new();

    private enum Field
    {
        Unknown,
        Id,
        Date,
        User,
        UserId,
        Login,
        Action,
        ActionId,
        Ip,
        Country,
        City,
        Browser,
        Platform,
        Page,
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
        DocSpaceEnvelope.ReadPage(this, body, status, capacity, countsAreNumbers: true);

    /// <inheritdoc/>
    public AuditEvent ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        LoginJson.Expect(ref reader, JsonTokenType.StartObject, "response[]");
        var start = reader.TokenStartIndex;
        var fields = default(LoginFields);
        var date = default(RecordDate);
        var strings = _parts.Strings;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader, out var unknownName);
            reader.Read();
            switch (field)
            {
                case Field.Id:
                    LoginJson.Expect(ref reader, JsonTokenType.Number, "id");
                    fields.Id = reader.TryGetInt64(out var id) ? id : throw new JsonException("'id' is not a 64-bit integer.");
                    break;
                case Field.Date:
                    date.Read(ref reader);
                    break;
                case Field.User:
                    fields.User = Text(ref reader, strings, "user");
                    break;
                case Field.UserId:
                    fields.UserId = LoginJson.ReadUserId(ref reader, _parts.UserIds);
                    break;
                case Field.Login:
                    fields.Login = Text(ref reader, strings, "login");
                    break;
                case Field.Action:
                    fields.Sentence = Text(ref reader, strings, "action");
                    break;
                case Field.ActionId:
                    fields.ActionId = LoginJson.ReadActionId(ref reader);
                    break;
                case Field.Ip:
                    fields.Ip = Text(ref reader, strings, "ip");
                    break;
                case Field.Country:
                    fields.Country = Text(ref reader, strings, "country");
                    break;
                case Field.City:
                    fields.City = Text(ref reader, strings, "city");
                    break;
                case Field.Browser:
                    fields.Browser = Text(ref reader, strings, "browser");
                    break;
                case Field.Platform:
                    fields.Platform = Text(ref reader, strings, "platform");
                    break;
                case Field.Page:
                    fields.Page = Text(ref reader, strings, "page");
                    break;
                default:
                    (fields.Extra ??= new List<KeyValuePair<string, AuditValue>>(2))
                        .Add(new(unknownName!, JsonAuditValues.Read(ref reader, body, strings)));
                    break;
            }
        }

        date.Resolve(_dates, fields.Id, Source, "Login", out fields.Time, out fields.Offset);

        if (includeRawRecord)
        {
            // The record's own bytes, as the server sent them: nothing re-serialized, nothing read twice.
            fields.RawRecord = JsonAuditValues.FromCompletedValue(ref reader, body, start).AsString();
        }

        return LoginEventMapper.Build(ref fields, _parts, Source);
    }

    /// <summary>
    /// The usual string, unescaped, straight through the cache; anything else (null, escapes, a wrong kind) is
    /// <see cref="LoginJson.ReadText"/>'s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string? Text(ref Utf8JsonReader reader, Utf8StringCache strings, string name) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            ? strings.GetString(reader.ValueSpan)
            : LoginJson.ReadText(ref reader, strings, name);

    private Field Match(ref Utf8JsonReader reader, out string? unknownName)
    {
        unknownName = null;

        // Nearly every name is plain and spelt as the server spells it; escaped or differently cased names take the
        // slower path (kept out of this method: its stack buffer would cost every call a stack cookie check).
        var exact = reader.ValueIsEscaped ? -1 : LoginJson.ExactField(reader.ValueSpan);
        var field = (Field)((exact >= 0 ? exact : LoginJson.Classify(ref reader, LoginJson.FieldNames)) + 1);
        if (field == Field.Unknown)
        {
            unknownName = _parts.Strings.GetString(ref reader);
        }

        return field;
    }
}
