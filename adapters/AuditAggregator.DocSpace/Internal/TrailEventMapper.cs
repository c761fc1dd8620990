using System.Globalization;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Maps the fields of one audit-trail record to the unified <see cref="AuditEvent"/> (audit-event.md, "The
/// DocSpace audit trail"): the code's action from <see cref="TrailActionTable"/> (login codes as in the login
/// history), the title the record names as <see cref="AuditEvent.Resource"/>, and everything else in details.
/// </summary>
internal static class TrailEventMapper
{
    /// <summary>
    /// The one mapping of an audit-trail record's fields to an <see cref="AuditEvent"/>.
    /// </summary>
    /// <param name="fields">The fields as read.</param>
    /// <param name="parts">Shared parts of the read, or <see langword="null"/> to build every part anew.</param>
    /// <param name="source">The configured source name, which the event carries as <see cref="AuditEvent.Source"/> and in its id.</param>
    /// <returns>The event; an unknown code is <see cref="AuditActions.Other"/> with its code and name kept.</returns>
    public static AuditEvent Build(ref TrailFields fields, LoginParts? parts, string source)
    {
        var known = fields.ActionId is { } code ? TrailActionTable.Find(code) : null;
        string action;
        AuditCategory category;
        AuditOutcome outcome;
        if (known is not null)
        {
            (action, category, outcome) = (known.Action, known.Category, AuditOutcome.Success);
        }
        else
        {
            (action, outcome) = LoginActionTable.Map(fields.ActionId);
            category = action == AuditActions.Other ? AuditCategory.Other : AuditCategory.Authentication;
        }

        var sentence = Text(fields.Sentence);
        var context = Text(fields.Context);
        var (title, fromFolder, toFolder) = TrailTitle.Find(fields.ActionId, sentence, context, fields.Entries);
        var user = Text(fields.User);
        return new AuditEvent
        {
            Source = source,
            Vendor = DocSpaceSourceNames.Vendor,
            Stream = DocSpaceSourceNames.AuditStream,
            SourceId = fields.Id.ToString(CultureInfo.InvariantCulture),
            Time = fields.Time,
            Offset = fields.Offset,
            Category = category,
            Action = action,
            Outcome = outcome,
            Actor = parts is null ? new AuditActor(fields.UserId, user, null) : parts.Actor(fields.UserId, user, null),
            Ip = Text(fields.Ip),
            UserAgent = Join(parts, "; ", Text(fields.Browser), Text(fields.Platform)),
            Location = Join(parts, ", ", Text(fields.City), Text(fields.Country)),
            Resource = Text(title),
            VendorAction = known?.CodeText ?? (fields.ActionId is { } number ? LoginActionTable.Code(number) : fields.ActionName ?? string.Empty),
            VendorActionName = known?.Name ?? (fields.ActionId is { } id ? LoginActionTable.Name(id) : fields.ActionName),
            Details = Details(ref fields, known, sentence, context, fromFolder, toFolder),
            RawRecord = fields.RawRecord,
        };
    }

    private static AuditDetails Details(ref TrailFields fields, TrailAction? known, string? sentence, string? context, string? fromFolder, string? toFolder)
    {
        var items = new List<KeyValuePair<string, AuditValue>>(12 + (fields.Extra?.Count ?? 0));
        Add(items, "action", sentence);
        Add(items, "page", Text(fields.Page));
        if (known?.Flag is { } flag)
        {
            items.Add(new(flag, true));
        }

        Add(items, "room", TrailTitle.Room(context));
        Add(items, "fromFolder", Text(fromFolder));
        Add(items, "toFolder", Text(toFolder));
        Add(items, "target", fields.Target);
        Add(items, "entries", fields.Entries);
        Add(items, "context", context);
        Add(items, "actionType", fields.ActionType);
        Add(items, "product", fields.Product);
        Add(items, "location", fields.Location);
        if (fields.Extra is { } extra)
        {
            foreach (var item in extra)
            {
                if (!items.Exists(i => i.Key == item.Key))
                {
                    items.Add(item);
                }
            }
        }

        return items.Count == 0 ? AuditDetails.Empty : AuditDetails.FromDistinct([.. items]);
    }

    private static void Add(List<KeyValuePair<string, AuditValue>> items, string key, string? value)
    {
        if (value is not null)
        {
            items.Add(new(key, value));
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Join(LoginParts? parts, string separator, string? first, string? second) =>
        first is null ? second
        : second is null ? first
        : parts is null ? string.Concat(first, separator, second)
        : parts.Strings.Concat(first, separator, second);
}
