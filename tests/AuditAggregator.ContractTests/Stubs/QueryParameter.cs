namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// One query parameter as it went over the wire: the raw (still encoded) text and the decoded name and value.
/// </summary>
/// <param name="Name">The decoded name.</param>
/// <param name="Value">The decoded value.</param>
/// <param name="RawValue">The value as sent, percent-encoding included.</param>
internal sealed record QueryParameter(string Name, string Value, string RawValue)
{
    /// <summary>Splits a raw query string (without <c>?</c>) into its parameters, in order.</summary>
    public static IReadOnlyList<QueryParameter> ParseAll(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        if (rawQuery.Length == 0)
        {
            return [];
        }

        return
        [
            .. rawQuery.Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var raw = equals < 0 ? "" : pair[(equals + 1)..];

                // Servers read a bare '+' in a query as a space, as this does, so an unencoded '+hh:mm' offset fails the format checks.
                return new QueryParameter(Decode(name), Decode(raw), raw);
            }),
        ];
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
