namespace AuditAggregator.Orleans;

/// <summary>
/// The status of one source, keyed by the source name, readable from any silo or client of the cluster.
/// </summary>
/// <remarks>
/// The collector grain reports after each window and each failure. The status lives in memory: when its silo dies
/// it starts empty elsewhere and is filled again by the next report.
/// </remarks>
public interface ISourceStatusGrain : IGrainWithStringKey
{
    /// <summary>
    /// Gets the last reported status.
    /// </summary>
    /// <returns>The status; <see cref="SourceStatus.State"/> is <see cref="SourceState.Unknown"/> before any report.</returns>
    Task<SourceStatus> GetAsync();

    /// <summary>
    /// Replaces the status.
    /// </summary>
    /// <param name="status">The new status.</param>
    /// <returns>A task that completes when it is kept.</returns>
    Task ReportAsync(SourceStatus status);
}
