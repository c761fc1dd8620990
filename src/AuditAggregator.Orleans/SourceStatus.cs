namespace AuditAggregator.Orleans;

/// <summary>
/// The status of one source's collector: where it runs, its last success, lag and last error.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SourceStatus
{
    /// <summary>Gets the source name.</summary>
    [Id(0)]
    public string Source { get; init; } = string.Empty;

    /// <summary>Gets the state.</summary>
    [Id(1)]
    public SourceState State { get; init; }

    /// <summary>Gets the silo the collector runs on, or <see langword="null"/> before any report.</summary>
    [Id(2)]
    public string? Silo { get; init; }

    /// <summary>Gets when a job last completed without error, or <see langword="null"/>.</summary>
    [Id(3)]
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>Gets how far the follow watermark is behind "now" at the last follow run, or <see langword="null"/>.</summary>
    [Id(4)]
    public TimeSpan? Lag { get; init; }

    /// <summary>Gets the last error's message (source and cause, never a credential), or <see langword="null"/>.</summary>
    [Id(5)]
    public string? LastError { get; init; }

    /// <summary>Gets when the last error happened, or <see langword="null"/>.</summary>
    [Id(6)]
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Gets the events this activation stored (new rows), since it started.</summary>
    [Id(7)]
    public long Stored { get; init; }

    /// <summary>Gets the events this activation delivered that were stored already (repeats), since it started.</summary>
    [Id(8)]
    public long Repeated { get; init; }

    /// <summary>Gets the number of requested backfill windows not complete yet.</summary>
    [Id(9)]
    public int PendingBackfills { get; init; }

    /// <summary>Gets when this status was reported.</summary>
    [Id(10)]
    public DateTimeOffset ReportedAt { get; init; }
}
