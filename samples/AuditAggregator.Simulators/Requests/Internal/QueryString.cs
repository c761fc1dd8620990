namespace AuditAggregator.Simulators.Requests.Internal;

/// <summary>Splits a raw query string into decoded name/value pairs, keeping the names' exact case and order.</summary>
internal static class QueryString
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(string rawQuery)
    {
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            yield return KeyValuePair.Create(name, eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]));
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
