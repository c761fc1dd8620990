using System.Collections.Concurrent;

namespace AuditAggregator.Telemetry;

/// <summary>
/// The health of every source that reads through <see cref="Resilience.SourceResilience"/>, process-wide like the
/// library's <see cref="System.Diagnostics.Metrics.Meter"/>: a throttled source shows as
/// <see cref="SourceHealthState.Throttled"/>, separate from <see cref="SourceHealthState.Failed"/>.
/// </summary>
public static class AuditSourceHealth
{
    private static readonly ConcurrentDictionary<string, SourceHealth> States = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Occurs when a source's state changes.
    /// </summary>
    public static event EventHandler<SourceHealth>? Changed;

    /// <summary>
    /// Gets the last reported health of every source.
    /// </summary>
    public static IReadOnlyCollection<SourceHealth> All => [.. States.Values];

    /// <summary>
    /// Gets the last reported health of a source; a source that has reported nothing is healthy.
    /// </summary>
    /// <param name="sourceName">The source.</param>
    /// <returns>Its health.</returns>
    public static SourceHealth Get(string sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return States.TryGetValue(sourceName, out var health) ? health : new SourceHealth(sourceName, SourceHealthState.Healthy, DateTimeOffset.MinValue, null);
    }

    internal static void Report(string sourceName, SourceHealthState state, string? detail, TimeProvider timeProvider)
    {
        if (state == SourceHealthState.Healthy && Get(sourceName).State == SourceHealthState.Healthy)
        {
            return;
        }

        var health = new SourceHealth(sourceName, state, timeProvider.GetUtcNow(), detail);
        States[sourceName] = health;
        Changed?.Invoke(null, health);
    }
}
