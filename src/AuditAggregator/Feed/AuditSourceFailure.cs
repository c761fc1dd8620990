using NodaTime;

namespace AuditAggregator;

/// <summary>
/// A source that failed while the feed carried on without it: the gap in the merged feed.
/// </summary>
/// <param name="SourceName">The source that failed.</param>
/// <param name="Exception">Why it failed.</param>
/// <param name="EventsDelivered">How many of its events the feed delivered before it failed.</param>
/// <param name="OldestDelivered">
/// The time of the oldest event delivered from it, or <see langword="null"/> when none was. The source's events of
/// the window older than this (all of them, when <see langword="null"/>) are missing from the feed.
/// </param>
public sealed record AuditSourceFailure(
    string SourceName,
    AuditSourceException Exception,
    long EventsDelivered,
    Instant? OldestDelivered);
