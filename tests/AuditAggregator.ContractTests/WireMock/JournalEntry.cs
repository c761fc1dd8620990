using System.Text.Json.Nodes;

namespace AuditAggregator.ContractTests.WireMock;

/// <summary>
/// One request from WireMock's request journal, with the query string as sent (raw) and decoded.
/// </summary>
internal sealed record JournalEntry
{
    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the path, without the query string.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the raw query string, without the <c>?</c>.</summary>
    public required string RawQuery { get; init; }

    /// <summary>Gets the query parameters in the order sent.</summary>
    public required IReadOnlyList<QueryParameter> Query { get; init; }

    /// <summary>Gets the request headers by name (case-insensitive).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; }

    /// <summary>Gets the request cookies by name.</summary>
    public required IReadOnlyDictionary<string, string> Cookies { get; init; }

    /// <summary>Gets when WireMock received the request.</summary>
    public required DateTimeOffset LoggedAt { get; init; }

    /// <summary>Gets the position in the journal, larger is later.</summary>
    public required int Sequence { get; init; }

    /// <summary>Gets a value indicating whether a stub matched the request.</summary>
    public required bool WasMatched { get; init; }

    /// <summary>Gets the status WireMock answered with.</summary>
    public required int ResponseStatus { get; init; }

    /// <summary>Gets the single value of the query parameter <paramref name="name"/> (exact case), or null.</summary>
    public string? QueryValue(string name) => Query.SingleOrDefault(q => q.Name == name)?.Value;

    /// <summary>Gets the single value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? values.Single() : null;

    /// <summary>Gets the query as name=value pairs in a stable order, for exact comparisons.</summary>
    public IReadOnlyDictionary<string, string> QueryMap() =>
        Query.ToDictionary(q => q.Name, q => q.Value, StringComparer.Ordinal);

    /// <summary>Describes the request for assertion messages (headers left out: they carry credentials).</summary>
    public override string ToString() => $"{Method} {Path}{(RawQuery.Length > 0 ? "?" + RawQuery : "")} -> {ResponseStatus}";

    /// <summary>Reads one entry of <c>GET /__admin/requests</c>.</summary>
    public static JournalEntry Parse(JsonObject entry, int sequence)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var request = entry["request"]!.AsObject();
        var url = (string)request["url"]!;
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var rawQuery = question < 0 ? "" : url[(question + 1)..];

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (request["headers"] is JsonObject headerObject)
        {
            foreach (var (name, value) in headerObject)
            {
                headers[name] = Values(value);
            }
        }

        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request["cookies"] is JsonObject cookieObject)
        {
            foreach (var (name, value) in cookieObject)
            {
                cookies[name] = Values(value).Single();
            }
        }

        var status = entry["response"]?["status"] ?? entry["responseDefinition"]?["status"];
        return new JournalEntry
        {
            Method = (string)request["method"]!,
            Path = path,
            RawQuery = rawQuery,
            Query = QueryParameter.ParseAll(rawQuery),
            Headers = headers,
            Cookies = cookies,
            LoggedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)request["loggedDate"]!),
            Sequence = sequence,
            WasMatched = (bool?)entry["wasMatched"] ?? false,
            ResponseStatus = status is null ? 0 : (int)status,
        };
    }

    private static List<string> Values(JsonNode? value) => value switch
    {
        JsonArray array => [.. array.Select(v => (string)v!)],
        null => [],
        _ => [(string)value!],
    };
}
