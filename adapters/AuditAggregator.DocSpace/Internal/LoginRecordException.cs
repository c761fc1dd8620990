namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Carries an error in one record's content (an unreadable <c>date</c>) out of the resilience pipeline unretried:
/// the same bytes would fail the same way, unlike a truncated body. <see cref="PageReader"/> unwraps it.
/// </summary>
internal sealed class LoginRecordException(AuditSourceException error) : Exception(error.Message, error)
{
    public AuditSourceException Error { get; } = error;
}
