namespace AuditAggregator.Orleans;

/// <summary>
/// Options of the collector grains of one silo: the follow schedule, the backfill wake-up period, how many jobs run
/// at once, and the follower's windows and commits.
/// </summary>
public sealed class AuditCollectorClusterOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether every configured source is followed on <see cref="FollowInterval"/>.
    /// Default <see langword="true"/>; when <see langword="false"/>, only requested backfills run.
    /// </summary>
    public bool FollowEnabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the period of the follow reminder. Default 1 minute. Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>
    /// must not be longer.
    /// </summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the period of a backfill's reminder: how soon a backfill whose silo died, or whose job failed,
    /// is resumed elsewhere. Default 1 minute.
    /// </summary>
    public TimeSpan BackfillRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many jobs (backfill or follow windows) one silo runs at once; each holds a database
    /// connection for its lease. Default 16.
    /// </summary>
    public int MaxConcurrentJobs { get; set; } = 16;

    /// <summary>
    /// Gets or sets how long a stopping silo waits for a running job to commit and stop. Default 20 seconds.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Gets the follower's options (lag, overlap, initial lookback, commit size) used for every job;
    /// <see cref="AuditFollowOptions.PollInterval"/> is replaced by <see cref="FollowInterval"/>.
    /// </summary>
    public AuditFollowOptions Follow { get; } = new();

    /// <summary>
    /// Throws when an option is out of range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FollowInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BackfillRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StopTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentJobs);
        Follow.Validate();
    }
}
