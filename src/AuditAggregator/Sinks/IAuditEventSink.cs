namespace AuditAggregator;

/// <summary>
/// Receives the events a collector delivers, one at a time, for example to keep them in a database.
/// </summary>
public interface IAuditEventSink
{
    /// <summary>
    /// Writes one event.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the sink accepted the event.</returns>
    ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}
