using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The parameters of <c>/audit/events/filter</c> and how the server's repository applies them (see
/// docs/vendors-docspace-audit-trail.md): an <c>action</c> pins one code and, with <c>target</c>, the exact stored
/// target; otherwise <c>moduleType</c>, <c>actionType</c> and <c>entryType</c> (the last only together with
/// <c>target</c>, matched as a substring) narrow the codes the mappers know. <c>productType</c> is not read.
/// </summary>
internal sealed class AuditFilterQuery
{
    public int Count { get; private init; } = 100;

    public long StartIndex { get; private init; }

    public Guid? UserId { get; private init; }

    public int ModuleType { get; private init; }

    public int ActionType { get; private init; }

    public int? Action { get; private init; }

    public int EntryType { get; private init; }

    public string? Target { get; private init; }

    public DateTimeOffset? From { get; private init; }

    public DateTimeOffset? To { get; private init; }

    /// <summary>Gets whether anything but the dates narrows the answer (then a page has to be found by scanning).</summary>
    public bool FiltersAttributes => UserId is not null || Action is not null || ModuleType != 0 || ActionType != 0 || (EntryType != 0 && Target is not null);

    /// <summary>
    /// Gets whether the query takes the repository's <c>moduleType</c> branch, which looks the location up in every
    /// product's mappers and dereferences a missing one: the server answers 500.
    /// </summary>
    public bool CrashesTheServer => Action is null && ModuleType != 0;

    public static bool TryParse(IQueryCollection query, out AuditFilterQuery filter, out string parameter, out string value)
    {
        filter = new AuditFilterQuery();
        parameter = string.Empty;
        value = string.Empty;
        int count = 100, moduleType = 0, actionType = 0, entryType = 0, action = -1;
        long startIndex = 0;
        Guid? userId = null;
        DateTimeOffset? from = null, to = null;
        string? target = null;
        foreach (var (name, values) in query)
        {
            var text = values.ToString();
            parameter = name;
            value = text;
            var ok = name.ToUpperInvariant() switch
            {
                "COUNT" => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out count),
                "STARTINDEX" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out startIndex) && startIndex >= 0,
                "USERID" => FilterQuery.TryGuid(text, out userId),
                "MODULETYPE" => AuditEnums.TryParse(AuditEnums.Locations, text, out moduleType),
                "ACTIONTYPE" => AuditEnums.TryParse(AuditEnums.ActionTypes, text, out actionType),
                "ENTRYTYPE" => AuditEnums.TryParse(AuditEnums.Entries, text, out entryType),
                "ACTION" => AuditActions.TryParse(text, out action),
                "TARGET" => Keep(text, out target),
                "FROM" => FilterQuery.TryDate(text, out from),
                "TO" => FilterQuery.TryDate(text, out to),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }

        filter = new AuditFilterQuery
        {
            Count = count, StartIndex = startIndex, UserId = userId, ModuleType = moduleType, ActionType = actionType,
            Action = action is -1 or 0 ? null : action, EntryType = entryType, Target = target, From = from, To = to,
        };
        return true;
    }

    public bool Matches(AuditEntry entry)
    {
        if ((UserId is { } user && entry.UserId != user) || (From is { } from && entry.Time < from) || (To is { } to && entry.Time > to))
        {
            return false;
        }

        if (Action is { } action)
        {
            return entry.Code.Code == action && (Target is null || entry.StoredTarget == Target);
        }

        var code = entry.Code;
        return (ModuleType == 0 || code.Location == ModuleType)
            && (ActionType == 0 || code.ActionType == ActionType)
            && (EntryType == 0 || Target is null
                || (code.Entries.Contains(EntryType) && entry.StoredTarget?.Contains(Target, StringComparison.Ordinal) == true));
    }

    /// <summary>An empty string binds as null, as ASP.NET Core binds a string.</summary>
    private static bool Keep(string text, out string? target)
    {
        target = text.Length == 0 ? null : text;
        return true;
    }
}
