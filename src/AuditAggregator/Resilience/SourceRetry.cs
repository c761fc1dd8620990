namespace AuditAggregator.Resilience;

/// <summary>
/// One retry of a source's request: a throttled or faulty source is slow, not failed.
/// </summary>
/// <param name="SourceName">The source.</param>
/// <param name="Attempt">The number of the attempt about to be made, from 2.</param>
/// <param name="Delay">How long the source waits first.</param>
/// <param name="Cause">What failed, or <see langword="null"/>.</param>
public sealed record SourceRetry(string SourceName, int Attempt, TimeSpan Delay, Exception? Cause)
{
    /// <summary>
    /// Gets a value indicating whether the vendor throttled the request (HTTP 429).
    /// </summary>
    public bool IsThrottle => Cause is AuditSourceException { Kind: AuditErrorKind.RateLimited };
}
