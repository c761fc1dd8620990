using System.Globalization;
using System.Net;
using WireMock.Logging;
using WireMock.Types;

namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// One request from WireMock.Net's request log, with the query string as sent (raw) and decoded.
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

    /// <summary>Gets when WireMock.Net received the request.</summary>
    public required DateTimeOffset LoggedAt { get; init; }

    /// <summary>Gets the position in the journal, larger is later.</summary>
    public required int Sequence { get; init; }

    /// <summary>Gets a value indicating whether a stub matched the request.</summary>
    public required bool WasMatched { get; init; }

    /// <summary>Gets the status WireMock.Net answered with.</summary>
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

    /// <summary>Reads one entry of WireMock.Net's request log; <paramref name="sequence"/> is its position in the log.</summary>
    public static JournalEntry FromLogEntry(ILogEntry entry, int sequence)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var request = entry.RequestMessage ?? throw new InvalidOperationException("A WireMock.Net log entry has no request.");
        var rawQuery = (request.RawQuery ?? "").TrimStart('?');
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            headers[name] = [.. values];
        }

        return new JournalEntry
        {
            Method = request.Method,
            Path = request.AbsolutePath,
            RawQuery = rawQuery,
            Query = QueryParameter.ParseAll(rawQuery),
            Headers = headers,
            Cookies = new Dictionary<string, string>(request.Cookies ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            LoggedAt = new DateTimeOffset(DateTime.SpecifyKind(request.DateTime, DateTimeKind.Utc)),
            Sequence = sequence,
            WasMatched = entry.MappingGuid is not null,
            ResponseStatus = Status(entry.ResponseMessage?.StatusCode),
        };
    }

    private static int Status(object? status) => status switch
    {
        null => 0,
        int code => code,
        HttpStatusCode code => (int)code,
        _ => int.Parse(status.ToString()!, CultureInfo.InvariantCulture),
    };
}
