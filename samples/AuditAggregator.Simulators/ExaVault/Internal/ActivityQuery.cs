using System.Globalization;
using AuditAggregator.Simulators.Requests.Internal;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>
/// The query of an activity route, read with exact, case-sensitive names as the server does: names it does not know
/// (<c>userName</c>, <c>start_date</c>, webhook <c>path</c>) are silently ignored.
/// </summary>
internal sealed class ActivityQuery
{
    private readonly Dictionary<string, string> _filters;

    private ActivityQuery(Dictionary<string, string> filters) => _filters = filters;

    public long Offset { get; private init; }

    public int Limit { get; private init; }

    public bool Descending { get; private init; }

    public DateTimeOffset? StartDate { get; private init; }

    public DateTimeOffset? EndDate { get; private init; }

    public bool HasFilters => _filters.Count > 0;

    public int? StatusCode { get; private init; }

    public string? Filter(string name) => _filters.GetValueOrDefault(name);

    public static bool TryParse(string rawQuery, IReadOnlySet<string> filterNames, int defaultLimit, out ActivityQuery query, out string error)
    {
        var values = Parse(rawQuery);
        query = new ActivityQuery([]);
        error = string.Empty;
        long offset = 0;
        var limit = defaultLimit;
        if (values.TryGetValue("offset", out var o) && (!long.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            error = "offset must be a non-negative integer";
            return false;
        }

        if (values.TryGetValue("limit", out var l))
        {
            if (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 0)
            {
                error = "limit must be a non-negative integer";
                return false;
            }

            limit = limit == 0 ? defaultLimit : limit;
        }

        var descending = true;
        if (values.TryGetValue("sort", out var sort) && sort.Length > 0)
        {
            foreach (var field in sort.Split(','))
            {
                if (field is "date" or "+date")
                {
                    descending = false;
                }
                else if (field == "-date")
                {
                    descending = true;
                }
                else
                {
                    error = "Invalid sort field: " + field;
                    return false;
                }
            }
        }

        if (!TryDate(values, "startDate", out var start) || !TryDate(values, "endDate", out var end))
        {
            error = "startDate and endDate must be ISO 8601 dates";
            return false;
        }

        var filters = values.Where(kv => filterNames.Contains(kv.Key) && kv.Value.Length > 0).ToDictionary(StringComparer.Ordinal);
        int? statusCode = null;
        if (filters.TryGetValue("statusCode", out var status))
        {
            if (!int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                error = "statusCode must be an integer";
                return false;
            }

            statusCode = code;
        }

        query = new ActivityQuery(filters) { Offset = offset, Limit = limit, Descending = descending, StartDate = start, EndDate = end, StatusCode = statusCode };
        return true;
    }

    /// <summary>Matches a path against a pattern where <c>*</c> stands for any run of characters (<c>/folder*</c>).</summary>
    public static bool Glob(string pattern, string value)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }

        var head = pattern[..star];
        if (!value.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        for (var i = head.Length; i <= value.Length; i++)
        {
            if (Glob(rest, value[i..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDate(Dictionary<string, string> values, string name, out DateTimeOffset? date)
    {
        date = null;
        if (!values.TryGetValue(name, out var text) || text.Length == 0)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    private static Dictionary<string, string> Parse(string rawQuery)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryString.Parse(rawQuery))
        {
            result.TryAdd(name, value);
        }

        return result;
    }
}
