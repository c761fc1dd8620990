using System.Globalization;

namespace AuditAggregator.FaultTests.Support;

/// <summary>Reads a feed to the end and checks it against the simulator's expected set.</summary>
public static class Delivery
{
    /// <summary>The longest a single read may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(40);

    /// <summary>Reads every event of <paramref name="events"/>.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The events, in order.</returns>
    public static Task<List<AuditEvent>> ReadAllAsync(IAsyncEnumerable<AuditEvent> events) => ReadAllAsync(events, onEvent: null);

    /// <summary>Reads every event of <paramref name="events"/>, calling <paramref name="onEvent"/> after each.</summary>
    /// <param name="events">The events.</param>
    /// <param name="onEvent">Called with each event once it is delivered, for faults timed by delivery.</param>
    /// <returns>The events, in order.</returns>
    public static async Task<List<AuditEvent>> ReadAllAsync(IAsyncEnumerable<AuditEvent> events, Action<AuditEvent>? onEvent)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var list = new List<AuditEvent>();
        await foreach (var item in events.WithCancellation(timeout.Token))
        {
            list.Add(item);
            onEvent?.Invoke(item);
        }

        return list;
    }

    /// <summary>
    /// A callback for <see cref="ReadAllAsync(IAsyncEnumerable{AuditEvent}, Action{AuditEvent})"/> that revokes the
    /// credential of <paramref name="source"/> from its next request on, once <paramref name="after"/> of its events
    /// have been delivered. Revoking at a fixed request number raced ExaVault's two logs read at once: the request
    /// could be one log's first page, so the source failed before it delivered anything.
    /// </summary>
    /// <param name="probe">The source's probe.</param>
    /// <param name="source">The source name.</param>
    /// <param name="after">How many of its events are delivered first.</param>
    /// <returns>The callback.</returns>
    public static Action<AuditEvent> RevokeAfter(RequestProbe probe, string source, int after)
    {
        var seen = 0;
        return item =>
        {
            if (item.Source == source && ++seen == after)
            {
                probe.RevokeFrom(probe.Count + 1);
            }
        };
    }

    /// <summary>
    /// Asserts that <paramref name="delivered"/> holds every id of <paramref name="expected"/> exactly once and
    /// nothing else, and prints a row for the report table.
    /// </summary>
    /// <param name="output">The test output.</param>
    /// <param name="fault">The fault, for the table.</param>
    /// <param name="vendor">The vendor, for the table.</param>
    /// <param name="expected">The simulator's set for the window.</param>
    /// <param name="delivered">The ids delivered, in order.</param>
    /// <param name="probe">The vendor's probe, for request and fault counts, or <see langword="null"/>.</param>
    public static void AssertExactlyOnce(
        ITestOutputHelper output,
        string fault,
        string vendor,
        IReadOnlySet<string> expected,
        IReadOnlyList<string> delivered,
        RequestProbe? probe = null)
    {
        var distinct = new HashSet<string>(delivered, StringComparer.Ordinal);
        var duplicates = delivered.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = expected.Where(id => !distinct.Contains(id)).ToList();
        var extra = distinct.Where(id => !expected.Contains(id)).ToList();
        Report(output, fault, vendor, expected.Count, delivered.Count, duplicates.Count, missing.Count, extra.Count, probe);

        Assert.True(duplicates.Count == 0, $"{duplicates.Count} ids delivered more than once, e.g. {string.Join(", ", duplicates.Take(5))}");
        Assert.True(missing.Count == 0, $"{missing.Count} expected ids not delivered, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.True(extra.Count == 0, $"{extra.Count} ids delivered that the window does not hold, e.g. {string.Join(", ", extra.Take(5))}");
    }

    /// <summary>Prints one row of the report table.</summary>
    /// <param name="output">The test output.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="vendor">The vendor.</param>
    /// <param name="expected">The number of events expected.</param>
    /// <param name="delivered">The number of events delivered.</param>
    /// <param name="duplicates">The number of ids delivered more than once.</param>
    /// <param name="missing">The number of expected ids not delivered.</param>
    /// <param name="extra">The number of ids delivered but not expected.</param>
    /// <param name="probe">The vendor's probe, or <see langword="null"/>.</param>
    public static void Report(ITestOutputHelper output, string fault, string vendor, int expected, int delivered, int duplicates, int missing, int extra, RequestProbe? probe = null)
    {
        var requests = probe is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" | requests {probe.Count}, faults served {probe.FaultsServed}, non-2xx/failed {probe.Sent.Count(s => s.StatusCode is null or >= 300)}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ROW | {fault} | {vendor} | expected {expected} | delivered {delivered} | duplicates {duplicates} | missing {missing} | extra {extra}{requests}"));
    }
}
