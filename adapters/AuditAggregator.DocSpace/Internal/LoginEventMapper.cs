using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Maps a <see cref="DocSpaceLoginEvent"/> to the unified <see cref="AuditEvent"/> (audit-event.md).
/// </summary>
internal static class LoginEventMapper
{
    /// <summary>
    /// ISO 8601 with up to nine fractional digits and <c>Z</c> or <c>+hh:mm</c>; the server sends seven.
    /// </summary>
    private static readonly OffsetDateTimePattern DatePattern = OffsetDateTimePattern.ExtendedIso;

    public static AuditEvent Map(DocSpaceLoginEvent record, bool includeRawRecord)
    {
        ArgumentNullException.ThrowIfNull(record);
        var time = ParseDate(record);
        var (action, outcome) = LoginActionTable.Map(record.ActionId);
        return new AuditEvent
        {
            Source = DocSpaceSourceNames.Source,
            Stream = DocSpaceSourceNames.LoginStream,
            SourceId = record.Id.ToString(CultureInfo.InvariantCulture),
            Time = time.ToInstant(),
            Offset = time.Offset,
            Category = action == AuditActions.Other ? AuditCategory.Other : AuditCategory.Authentication,
            Action = action,
            Outcome = outcome,
            Actor = new AuditActor(ActorId(record.UserId), Text(record.User), Text(record.Login)),
            Ip = Text(record.Ip),
            UserAgent = Join("; ", Text(record.Browser), Text(record.Platform)),
            Location = Join(", ", Text(record.City), Text(record.Country)),
            VendorAction = record.ActionId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            VendorActionName = LoginActionTable.Name(record.ActionId),
            Details = Details(record),
            RawRecord = includeRawRecord ? JsonSerializer.Serialize(record, DocSpaceJsonContext.Default.DocSpaceLoginEvent) : null,
        };
    }

    /// <summary>
    /// The server's shapes, for the BCL parser, which allocates nothing; the NodaTime pattern allocated about 600 bytes
    /// per date (see the benchmarks' <c>profile</c>). One format per call, chosen by the zone, so no attempt fails first.
    /// </summary>
    private const string WithOffset = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    private const string WithZ = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    private static OffsetDateTime ParseDate(DocSpaceLoginEvent record)
    {
        if (TryParseFast(record.Date, out var fast))
        {
            return fast;
        }

        // Anything else (eight or nine fractional digits, an offset with seconds) is the pattern's, errors included.
        var result = DatePattern.Parse(record.Date ?? string.Empty);
        if (!result.Success)
        {
            throw new AuditSourceException(
                DocSpaceSourceNames.Source,
                AuditErrorKind.MalformedResponse,
                $"Login event {record.Id} has no readable 'date' (expected an ISO 8601 date-time with an offset).",
                innerException: result.Exception);
        }

        return result.Value;
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

    private static string? ActorId(Guid? userId) =>
        userId is { } id && id != Guid.Empty ? id.ToString("D", CultureInfo.InvariantCulture) : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Join(string separator, string? first, string? second) =>
        first is null ? second : second is null ? first : string.Concat(first, separator, second);

    private static AuditDetails Details(DocSpaceLoginEvent record)
    {
        if (record.AdditionalProperties is not { Count: > 0 })
        {
            // The usual record: two known keys, so the array is built as it is kept (no list, no duplicate scan).
            return (Text(record.Action), Text(record.Page)) switch
            {
                (null, null) => AuditDetails.Empty,
                ({ } a, null) => AuditDetails.FromDistinct([new("action", a)]),
                (null, { } p) => AuditDetails.FromDistinct([new("page", p)]),
                ({ } a, { } p) => AuditDetails.FromDistinct([new("action", a), new("page", p)]),
            };
        }

        var items = new List<KeyValuePair<string, AuditValue>>(4);
        if (Text(record.Action) is { } sentence)
        {
            items.Add(new("action", sentence));
        }

        if (Text(record.Page) is { } page)
        {
            items.Add(new("page", page));
        }

        if (record.AdditionalProperties is { Count: > 0 } extra)
        {
            foreach (var (key, value) in extra)
            {
                items.Add(new(key, AuditValue.FromJsonElement(value)));
            }
        }

        return items.Count == 0 ? AuditDetails.Empty : new AuditDetails(items);
    }
}
