namespace AuditAggregator.Telemetry;

/// <summary>
/// How a source is doing, as its requests last told.
/// </summary>
public enum SourceHealthState
{
    /// <summary>The last request succeeded.</summary>
    Healthy,

    /// <summary>The vendor throttled the source (HTTP 429 or an allowance near its end): healthy but slow, not failed.</summary>
    Throttled,

    /// <summary>A transient fault (5xx, network, timeout, truncated body) is being retried.</summary>
    Retrying,

    /// <summary>The source stopped with an error that retrying cannot fix, or every retry failed.</summary>
    Failed,
}
