namespace AuditAggregator.Resilience;

/// <summary>
/// Retries, timeouts and the client-side rate limit of one source.
/// </summary>
public sealed class SourceResilienceOptions
{
    /// <summary>
    /// Gets or sets how many times a failed request is tried again. Default 5; 0 turns retries off.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>
    /// Gets or sets the first backoff delay; later ones grow exponentially, with jitter. Default 1 second.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest backoff delay. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> that is honoured; a longer one is cut to this. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets the time one attempt (request and body) may take. Default 30 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the most requests started in any one second, or <see langword="null"/> for no client-side limit.
    /// </summary>
    public int? MaxRequestsPerSecond { get; set; }

    /// <summary>
    /// Gets or sets the most page requests in flight at once (see <see cref="Paging.PageConcurrency"/>). Default 1:
    /// one after another. A 429 halves it at once; successes raise it again one step at a time.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 1;

    /// <summary>
    /// Throws when an option is out of range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentRequests);
        if (MaxRequestsPerSecond is { } rate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(MaxRequestsPerSecond));
        }
    }
}
