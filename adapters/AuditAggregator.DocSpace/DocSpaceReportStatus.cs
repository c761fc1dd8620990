namespace AuditAggregator.DocSpace;

/// <summary>
/// The state of a report job (<c>DistributedTaskStatus</c>).
/// </summary>
public enum DocSpaceReportStatus
{
    /// <summary>Queued, not started.</summary>
    Created = 0,

    /// <summary>Being built.</summary>
    Running = 1,

    /// <summary>Built; the file is ready.</summary>
    Completed = 2,

    /// <summary>Cancelled.</summary>
    Canceled = 3,

    /// <summary>Failed; see <see cref="DocSpaceReportJob.Error"/>. The vendor spells it <c>Failted</c>.</summary>
    Failed = 4,
}
