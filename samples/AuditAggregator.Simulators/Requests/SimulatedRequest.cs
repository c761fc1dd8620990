using AuditAggregator.Simulators.Requests.Internal;

namespace AuditAggregator.Simulators;

/// <summary>
/// One request a simulator received, with credential values redacted.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="PathAndQuery">The path and the raw (still percent-encoded) query string.</param>
/// <param name="Headers">Every request header; the values of <c>Authorization</c>, <c>Cookie</c>, <c>ev-api-key</c>
/// and <c>ev-access-token</c> are replaced by <see cref="RequestLog.Redacted"/>.</param>
/// <param name="StatusCode">The status the simulator answered with.</param>
/// <param name="Fault">The injected fault served, or <see langword="null"/> for a normal answer.</param>
public sealed record SimulatedRequest(
    string Method,
    string Path,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    int StatusCode,
    SimulatedFault? Fault)
{
    /// <summary>
    /// Gets a fingerprint of the credential the request carried (see <see cref="RequestLog.Fingerprint"/>), or
    /// <see langword="null"/> when it carried none: enough to tell which credential reached which server, while the
    /// value itself is never kept.
    /// </summary>
    public string? CredentialFingerprint { get; init; }

    /// <summary>Gets when the request reached the server, in real time (not the simulator's clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets the names of the request headers.</summary>
    public IEnumerable<string> HeaderNames => Headers.Keys;

    /// <summary>Gets the decoded value of query parameter <paramref name="name"/> (exact, case-sensitive name), or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The first value, or <see langword="null"/> when absent.</returns>
    public string? Query(string name)
    {
        var q = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? null : QueryString.Parse(PathAndQuery[q..])
            .Where(p => string.Equals(p.Key, name, StringComparison.Ordinal))
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
