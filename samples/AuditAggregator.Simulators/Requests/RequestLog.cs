using System.Collections.Concurrent;

namespace AuditAggregator.Simulators;

/// <summary>
/// The requests a simulator received: counts per path (never trimmed) and the most recent requests (bounded).
/// </summary>
/// <remarks>Thread-safe. Credential values never reach the log.</remarks>
public sealed class RequestLog
{
    /// <summary>The text that stands in for a credential value.</summary>
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "ev-api-key", "ev-access-token", "ApiKeyBearer", "Proxy-Authorization",
    };

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Queue<SimulatedRequest> _recent = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private int _total;

    internal RequestLog(int capacity) => _capacity = capacity;

    /// <summary>Gets the total number of requests received.</summary>
    public int Count => Volatile.Read(ref _total);

    /// <summary>Gets the number of requests per path (without query), for example <c>/api/v2/activity/session</c>.</summary>
    public IReadOnlyDictionary<string, int> CountsByPath => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Gets the number of requests received for <paramref name="path"/> (without query).</summary>
    /// <param name="path">The path, for example <c>/api/2.0/security/audit/login/filter</c>.</param>
    /// <returns>The count, 0 when none.</returns>
    public int CountFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _counts.TryGetValue(path, out var count) ? count : 0;
    }

    /// <summary>Gets a copy of the most recent requests (up to the configured capacity), oldest first.</summary>
    /// <returns>The requests.</returns>
    public IReadOnlyList<SimulatedRequest> Snapshot()
    {
        lock (_lock)
        {
            return _recent.ToArray();
        }
    }

    /// <summary>Forgets every request and resets the counts.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _recent.Clear();
            _counts.Clear();
            _total = 0;
        }
    }

    /// <summary>
    /// Gets the fingerprint of a set of credential headers: the first 16 hex digits of the SHA-256 of
    /// <c>name=value</c> lines, names in lowercase and sorted; <see langword="null"/> when there are none.
    /// </summary>
    /// <param name="credentialHeaders">The credential headers, for example <c>Authorization: Bearer sk-...</c> or both ExaVault headers.</param>
    /// <returns>The fingerprint, for example <c>3fa2c0d19b7e4a55</c>.</returns>
    public static string? Fingerprint(IEnumerable<KeyValuePair<string, string>> credentialHeaders)
    {
        ArgumentNullException.ThrowIfNull(credentialHeaders);
        var lines = credentialHeaders
            .Select(h => h.Key.ToLowerInvariant() + "=" + h.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    internal static string? FingerprintOf(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers) =>
        Fingerprint(headers.Where(h => CredentialHeaders.Contains(h.Key)).Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())));

    internal static IReadOnlyDictionary<string, string> RedactHeaders(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            result[name] = CredentialHeaders.Contains(name) ? Redacted : value.ToString();
        }

        return result;
    }

    internal void Add(SimulatedRequest request)
    {
        _counts.AddOrUpdate(request.Path, 1, static (_, c) => c + 1);
        Interlocked.Increment(ref _total);
        lock (_lock)
        {
            _recent.Enqueue(request);
            if (_recent.Count > _capacity)
            {
                _recent.Dequeue();
            }
        }
    }
}
