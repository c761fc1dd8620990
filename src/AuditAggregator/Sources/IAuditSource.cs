using AuditAggregator.Telemetry;

namespace AuditAggregator;

/// <summary>
/// A named source of audit events, such as one vendor account.
/// </summary>
/// <remarks>
/// Implementations yield events newest first, in the order of <see cref="AuditEventOrder.NewestFirst"/>, so that
/// a merge of several sources streams in bounded memory. They check cancellation between and within pages.
/// </remarks>
public interface IAuditSource
{
    /// <summary>
    /// Gets the source's name, the <see cref="AuditEvent.Source"/> of its events, for example <c>docspace</c>.
    /// </summary>
    string Name { get; }

    /// <summary>
    /// Gets the streams this source can read, for example <c>login</c>.
    /// </summary>
    IReadOnlyCollection<string> Streams { get; }

    /// <summary>
    /// Gets this source's health (healthy, retrying, throttled or failed), or <see langword="null"/> when it keeps none.
    /// </summary>
    AuditSourceHealth? Health => null;

    /// <summary>
    /// Reads the events that match <paramref name="query"/>, newest first.
    /// </summary>
    /// <param name="query">What to read.</param>
    /// <param name="cancellationToken">Stops the read, between or within pages.</param>
    /// <returns>The events, newest first.</returns>
    /// <exception cref="AuditSourceException">The source could not be read.</exception>
    IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
