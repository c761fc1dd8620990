namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// How one job ended.
/// </summary>
internal enum JobOutcome
{
    /// <summary>The window was read to its end and committed.</summary>
    Completed,

    /// <summary>Another reader holds the source's lease; nothing was read.</summary>
    Busy,

    /// <summary>The read or a commit failed; what was committed stays.</summary>
    Failed,

    /// <summary>The job was stopped; what was taken was committed.</summary>
    Stopped,
}
