using NodaTime;

namespace AuditAggregator.Checkpoints;

/// <summary>
/// Where one source's collection got to.
/// </summary>
/// <remarks>
/// Sources are read newest first, so progress inside a window is a low-water mark: every event of the pending
/// window newer than <see cref="DeliveredDownTo"/>, and those at it listed in <see cref="IdsAtDeliveredDownTo"/>,
/// were taken by the consumer.
/// </remarks>
public sealed record SourceCheckpoint
{
    /// <summary>
    /// Gets the end (excluded) of the last completed window, or <see langword="null"/> when none completed yet.
    /// </summary>
    public Instant? Watermark { get; init; }

    /// <summary>
    /// Gets the events delivered within the overlap before <see cref="Watermark"/>, so that the next window's overlap drops them.
    /// </summary>
    public IReadOnlyList<DeliveredId> RecentIds { get; init; } = [];

    /// <summary>
    /// Gets the start (included) of the window being read, or <see langword="null"/> when no window is pending.
    /// </summary>
    public Instant? PendingFrom { get; init; }

    /// <summary>
    /// Gets the end (excluded) of the window being read, or <see langword="null"/> when no window is pending.
    /// </summary>
    public Instant? PendingTo { get; init; }

    /// <summary>
    /// Gets the time of the oldest event taken from the pending window, or <see langword="null"/> when none was.
    /// </summary>
    public Instant? DeliveredDownTo { get; init; }

    /// <summary>
    /// Gets the ids taken at exactly <see cref="DeliveredDownTo"/>.
    /// </summary>
    public IReadOnlyList<string> IdsAtDeliveredDownTo { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether a window is pending.
    /// </summary>
    public bool HasPendingWindow => PendingFrom is not null && PendingTo is not null;
}
