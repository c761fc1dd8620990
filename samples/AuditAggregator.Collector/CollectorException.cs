namespace AuditAggregator.Collector;

/// <summary>
/// A failure to show the user in words (what and why), without a stack trace.
/// </summary>
internal sealed class CollectorException : Exception
{
    public CollectorException(string message)
        : base(message)
    {
    }

    public CollectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CollectorException()
    {
    }
}
