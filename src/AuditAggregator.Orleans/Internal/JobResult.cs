namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// How one job ended, what it stored and repeated, the follow lag after it, and the error when it failed.
/// </summary>
internal sealed record JobResult(JobOutcome Outcome, long Stored = 0, long Repeated = 0, TimeSpan? Lag = null, string? Error = null);
