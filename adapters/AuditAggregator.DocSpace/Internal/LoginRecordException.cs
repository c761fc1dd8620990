namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Carries an error in one record's content (an unreadable <c>date</c>) out of the resilience pipeline unretried:
/// the same bytes would fail the same way, unlike a truncated body. <see cref="PageReader"/> unwraps it.
/// </summary>
internal sealed class LoginRecordException : Exception
{
    public LoginRecordException(AuditSourceException error)
        : base(error?.Message, error) => Error = error!;

    public LoginRecordException()
    {
        Error = null!;
    }

    public LoginRecordException(string message)
        : base(message)
    {
        Error = null!;
    }

    public LoginRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = null!;
    }

    public AuditSourceException Error { get; }
}
