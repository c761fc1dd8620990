namespace AuditAggregator;

/// <summary>
/// Options of <see cref="AuditFeed"/>.
/// </summary>
public sealed class AuditFeedOptions
{
    /// <summary>
    /// Gets or sets what the feed does when a source fails. Default <see cref="SourceFailureMode.FailFeed"/>.
    /// </summary>
    public SourceFailureMode OnSourceFailure { get; set; } = SourceFailureMode.FailFeed;

    /// <summary>
    /// Gets or sets how many events each source may read ahead of the consumer. Default 256, about a page or two.
    /// </summary>
    /// <remarks>The merge holds at most this many events per source, whatever the size of the window.</remarks>
    public int BufferPerSource { get; set; } = 256;

    /// <summary>
    /// Gets or sets a callback told of each source that failed while the feed carried on without it
    /// (<see cref="SourceFailureMode.ContinueWithOthers"/>).
    /// </summary>
    public Action<AuditSourceFailure>? SourceFailed { get; set; }
}
