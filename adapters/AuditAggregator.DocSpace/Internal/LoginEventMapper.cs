using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Maps the fields of one login record to the unified <see cref="AuditEvent"/> (audit-event.md).
/// </summary>
internal static class LoginEventMapper
{
    /// <summary>
    /// ISO 8601 with up to nine fractional digits and <c>Z</c> or <c>+hh:mm</c>; the server sends seven.
    /// </summary>
    private static readonly OffsetDateTimePattern DatePattern = OffsetDateTimePattern.ExtendedIso;

    /// <summary>
    /// The one mapping of a login record's fields to an <see cref="AuditEvent"/>.
    /// </summary>
    /// <param name="fields">The fields as read.</param>
    /// <param name="parts">Shared parts of the read, or <see langword="null"/> to build every part anew.</param>
    /// <param name="source">The configured source name, which the event carries as <see cref="AuditEvent.Source"/> and in its id.</param>
    /// <returns>The event.</returns>
    public static AuditEvent Build(ref LoginFields fields, LoginParts? parts, string source)
    {
        var (action, outcome) = LoginActionTable.Map(fields.ActionId);
        var user = Text(fields.User);
        var login = Text(fields.Login);
        return new AuditEvent
        {
            Source = source,
            Vendor = DocSpaceSourceNames.Vendor,
            Stream = DocSpaceSourceNames.LoginStream,
            SourceId = fields.Id.ToString(CultureInfo.InvariantCulture),
            Time = fields.Time,
            Offset = fields.Offset,
            Category = action == AuditActions.Other ? AuditCategory.Other : AuditCategory.Authentication,
            Action = action,
            Outcome = outcome,
            Actor = parts is null ? new AuditActor(fields.UserId, user, login) : parts.Actor(fields.UserId, user, login),
            Ip = Text(fields.Ip),
            UserAgent = Join(parts, "; ", Text(fields.Browser), Text(fields.Platform)),
            Location = Join(parts, ", ", Text(fields.City), Text(fields.Country)),
            VendorAction = LoginActionTable.Code(fields.ActionId),
            VendorActionName = LoginActionTable.Name(fields.ActionId),
            Details = Details(ref fields, parts),
            RawRecord = fields.RawRecord,
        };
    }

    /// <summary>
    /// The server's shapes, for the BCL parser, which allocates nothing; the NodaTime pattern allocated about 600 bytes
    /// per date (see the benchmarks' <c>profile</c>). One format per call, chosen by the zone, so no attempt fails first.
    /// </summary>
    private const string WithOffset = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    private const string WithZ = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <summary>
    /// Parses the server's <c>date</c>, failing the read with an error naming the event when it cannot.
    /// </summary>
    /// <param name="date">The text sent, or <see langword="null"/>.</param>
    /// <param name="id">The event's id, for the message.</param>
    /// <param name="source">The source name, for the message.</param>
    /// <returns>The time with its offset.</returns>
    public static OffsetDateTime ParseDate(string? date, long id, string source) => ParseDate(date, id, source, "Login");

    /// <summary>
    /// Parses the server's <c>date</c> of a record of the named kind, failing the read with an error naming the event when it cannot.
    /// </summary>
    /// <param name="date">The text sent, or <see langword="null"/>.</param>
    /// <param name="id">The event's id, for the message.</param>
    /// <param name="source">The source name, for the message.</param>
    /// <param name="kind">The kind of event, for the message: <c>Login</c> or <c>Audit-trail</c>.</param>
    /// <returns>The time with its offset.</returns>
    public static OffsetDateTime ParseDate(string? date, long id, string source, string kind)
    {
        if (TryParseFast(date, out var fast))
        {
            return InRange(fast, id, source, kind);
        }

        // Anything else (eight or nine fractional digits, an offset with seconds) is the pattern's, errors included.
        var result = DatePattern.Parse(date ?? string.Empty);
        if (!result.Success)
        {
            throw new AuditSourceException(
                source,
                AuditErrorKind.MalformedResponse,
                $"{kind} event {id} has no readable 'date' (expected an ISO 8601 date-time with an offset).",
                innerException: result.Exception);
        }

        return InRange(result.Value, id, source, kind);
    }

    /// <summary>
    /// A wall time at the end of year 9999 with a negative offset is past the last <see cref="Instant"/>; say so
    /// instead of letting NodaTime's overflow escape later.
    /// </summary>
    private static OffsetDateTime InRange(OffsetDateTime value, long id, string source, string kind)
    {
        try
        {
            _ = value.ToInstant();
            return value;
        }
        catch (OverflowException ex)
        {
            throw new AuditSourceException(
                source,
                AuditErrorKind.MalformedResponse,
                $"{kind} event {id} has a 'date' outside the range of instants.",
                innerException: ex);
        }
    }

    private static bool TryParseFast(string? text, out OffsetDateTime value)
    {
        // Only with an explicit zone, "Z" or "+hh:mm": the BCL would read a missing one as local time.
        var format = text is not { Length: >= 20 } ? null
            : text[^1] == 'Z' ? WithZ
            : text[^6] is '+' or '-' && text[^3] == ':' ? WithOffset
            : null;
        if (format is not null && DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = OffsetDateTime.FromDateTimeOffset(parsed);
            return true;
        }

        value = default;
        return false;
    }

    public static string? ActorId(Guid? userId) =>
        userId is { } id && id != Guid.Empty ? id.ToString("D", CultureInfo.InvariantCulture) : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Join(LoginParts? parts, string separator, string? first, string? second) =>
        first is null ? second
        : second is null ? first
        : parts is null ? string.Concat(first, separator, second)
        : parts.Strings.Concat(first, separator, second);

    /// <summary>
    /// The details of the usual record, with the two known keys only, built as they are kept.
    /// </summary>
    /// <param name="sentence">The <c>action</c> sentence, or <see langword="null"/>.</param>
    /// <param name="page">The <c>page</c>, or <see langword="null"/>.</param>
    /// <returns>The details.</returns>
    public static AuditDetails KnownDetails(string? sentence, string? page) => (sentence, page) switch
    {
        (null, null) => AuditDetails.Empty,
        ({ } a, null) => AuditDetails.FromDistinct([new("action", a)]),
        (null, { } p) => AuditDetails.FromDistinct([new("page", p)]),
        ({ } a, { } p) => AuditDetails.FromDistinct([new("action", a), new("page", p)]),
    };

    private static AuditDetails Details(ref LoginFields fields, LoginParts? parts)
    {
        var sentence = Text(fields.Sentence);
        var page = Text(fields.Page);
        if (fields.Extra is not { Count: > 0 } extra)
        {
            return parts is null ? KnownDetails(sentence, page) : parts.Details(sentence, page);
        }

        var items = new List<KeyValuePair<string, AuditValue>>(extra.Count + 2);
        if (sentence is not null)
        {
            items.Add(new("action", sentence));
        }

        if (page is not null)
        {
            items.Add(new("page", page));
        }

        items.AddRange(extra);
        return new AuditDetails(items);
    }
}
