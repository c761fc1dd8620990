namespace AuditAggregator.Feed.Internal;

/// <summary>
/// One newest-first sequence to merge, with the source name its errors carry.
/// </summary>
internal sealed record MergeInput(string Name, Func<CancellationToken, IAsyncEnumerable<AuditEvent>> Open);
