namespace AuditAggregator.Collector.Demo;

/// <summary>
/// One source's backfill as its checkpoint shows it.
/// </summary>
internal sealed record BackfillProgress(bool Complete, DateTimeOffset CommittedAt);
