using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The parameters of <c>/filter</c>, bound the way ASP.NET Core binds them (names case-insensitive). A date without a
/// zone, or a '+' that arrived as a space because it was not percent-encoded, fails binding.
/// </summary>
internal sealed partial class FilterQuery
{
    public int Count { get; private init; } = 100;

    public long StartIndex { get; private init; }

    public Guid? UserId { get; private init; }

    public int? Action { get; private init; }

    public DateTimeOffset? From { get; private init; }

    public DateTimeOffset? To { get; private init; }

    public static bool TryParse(IQueryCollection query, out FilterQuery filter, out string parameter, out string value)
    {
        filter = new FilterQuery();
        parameter = string.Empty;
        value = string.Empty;
        int count = 100;
        long startIndex = 0;
        Guid? userId = null;
        int? action = null;
        DateTimeOffset? from = null, to = null;
        foreach (var (name, values) in query)
        {
            var text = values.ToString();
            parameter = name;
            value = text;
            var ok = name.ToUpperInvariant() switch
            {
                "COUNT" => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out count),
                "STARTINDEX" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out startIndex) && startIndex >= 0,
                "USERID" => TryGuid(text, out userId),
                "ACTION" => TryAction(text, out action),
                "FROM" => TryDate(text, out from),
                "TO" => TryDate(text, out to),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }

        filter = new FilterQuery { Count = count, StartIndex = startIndex, UserId = userId, Action = action, From = from, To = to };
        return true;
    }

    public bool Matches(LoginEntry entry) =>
        (UserId is not { } user || entry.UserId == user)
        && (Action is not { } action || entry.ActionId == action)
        && (From is not { } from || entry.Time >= from)
        && (To is not { } to || entry.Time <= to);

    internal static bool TryGuid(string text, out Guid? userId)
    {
        userId = null;
        if (!Guid.TryParse(text, out var guid))
        {
            return false;
        }

        userId = guid == Guid.Empty ? null : guid;
        return true;
    }

    private static bool TryAction(string text, out int? action)
    {
        action = null;
        if (!MessageActions.TryParse(text, out var code))
        {
            return false;
        }

        action = code == -1 ? null : code;
        return true;
    }

    internal static bool TryDate(string text, out DateTimeOffset? date)
    {
        date = null;
        if (!ZonePattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZonePattern();
}
