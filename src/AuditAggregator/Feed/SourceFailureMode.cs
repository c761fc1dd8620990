namespace AuditAggregator;

/// <summary>
/// What a merged feed does when one of its sources fails.
/// </summary>
public enum SourceFailureMode
{
    /// <summary>The feed fails with the source's <see cref="AuditSourceException"/>. The default: for exports a silent gap is data loss.</summary>
    FailFeed,

    /// <summary>The feed carries on with the healthy sources and reports the gap through <see cref="AuditFeedOptions.SourceFailed"/> and the log.</summary>
    ContinueWithOthers,
}
