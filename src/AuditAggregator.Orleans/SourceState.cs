namespace AuditAggregator.Orleans;

/// <summary>
/// What the collector of one source is doing.
/// </summary>
[GenerateSerializer]
public enum SourceState
{
    /// <summary>Nothing was reported yet.</summary>
    Unknown,

    /// <summary>No job is running; the source waits for its next reminder.</summary>
    Idle,

    /// <summary>A backfill or follow window is being read.</summary>
    Running,

    /// <summary>The last job failed; it is tried again at the next reminder.</summary>
    Failed,

    /// <summary>The collector stopped on this silo (shutdown or removal) after committing; another silo takes over.</summary>
    Stopped,
}
