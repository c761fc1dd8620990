namespace AuditAggregator;

/// <summary>
/// Options of <see cref="AuditFollower"/>: windows, lag, overlap and commits.
/// </summary>
public sealed class AuditFollowOptions
{
    /// <summary>
    /// Gets or sets the pause between two runs of <see cref="AuditFollower.FollowAsync"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how far behind "now" a window ends, because vendors make events visible late. Default 1 minute.
    /// </summary>
    public TimeSpan Lag { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how far before the last watermark the next window starts, to catch events that became visible
    /// late; events already delivered in the overlap are dropped by id. Default 5 minutes.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how far back the first window of a source starts when there is no checkpoint and the query
    /// gives no start. Default 1 day.
    /// </summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets after how many taken events the progress inside a window is committed. Default 1,000.
    /// </summary>
    public int CommitEvery { get; set; } = 1_000;

    /// <summary>
    /// Gets or sets how many events each source may read ahead of the consumer. Default 256.
    /// </summary>
    public int BufferPerSource { get; set; } = 256;

    /// <summary>
    /// Gets or sets a callback run right before every commit: flush the sink and return its state (for example an
    /// output file's length), which is committed atomically with the progress. <see langword="null"/> keeps none.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? CaptureSinkStateAsync { get; set; }

    /// <summary>
    /// Gets or sets what a run does when one of its sources fails. Default <see cref="SourceFailureMode.FailFeed"/>:
    /// the run fails with the source's <see cref="AuditSourceException"/>.
    /// </summary>
    /// <remarks>
    /// With <see cref="SourceFailureMode.ContinueWithOthers"/> the run delivers and commits the other sources' windows
    /// to their end, while the failed source keeps its window pending with what it delivered, so the next run resumes
    /// it where it stopped: nothing is lost and nothing repeated.
    /// </remarks>
    public SourceFailureMode OnSourceFailure { get; set; } = SourceFailureMode.FailFeed;

    /// <summary>
    /// Gets or sets a callback told of each source that failed while the run carried on without it
    /// (<see cref="SourceFailureMode.ContinueWithOthers"/>).
    /// </summary>
    public Action<AuditSourceFailure>? SourceFailed { get; set; }

    /// <summary>
    /// Throws when an option is out of range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(Lag, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(Overlap, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialLookback, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CommitEvery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BufferPerSource);
    }
}
