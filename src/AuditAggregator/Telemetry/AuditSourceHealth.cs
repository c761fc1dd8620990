namespace AuditAggregator.Telemetry;

/// <summary>
/// The health of one source instance, kept by its <see cref="Resilience.SourceResilience"/>: a throttled source
/// shows as <see cref="SourceHealthState.Throttled"/>, separate from <see cref="SourceHealthState.Failed"/>.
/// </summary>
/// <remarks>
/// Each source has its own; two accounts of one vendor in one process never share a health, whatever their names.
/// </remarks>
public sealed class AuditSourceHealth
{
    private readonly TimeProvider _timeProvider;
    private SourceHealth _current;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditSourceHealth"/> class, healthy.
    /// </summary>
    /// <param name="sourceName">The source.</param>
    /// <param name="timeProvider">The clock that stamps each change.</param>
    public AuditSourceHealth(string sourceName, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _current = new SourceHealth(sourceName, SourceHealthState.Healthy, DateTimeOffset.MinValue, null);
    }

    /// <summary>
    /// Occurs when the source's state changes, or a retry or failure is reported again with a new reason.
    /// </summary>
    public event EventHandler<SourceHealth>? Changed;

    /// <summary>
    /// Gets the last reported health; a source that has reported nothing is healthy.
    /// </summary>
    public SourceHealth Current => Volatile.Read(ref _current);

    internal void Report(SourceHealthState state, string? detail)
    {
        var current = Current;
        if (state == SourceHealthState.Healthy && current.State == SourceHealthState.Healthy)
        {
            return;
        }

        var health = new SourceHealth(current.SourceName, state, _timeProvider.GetUtcNow(), detail);
        Volatile.Write(ref _current, health);
        Changed?.Invoke(this, health);
    }
}
