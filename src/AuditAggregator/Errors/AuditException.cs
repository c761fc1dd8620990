namespace AuditAggregator;

/// <summary>
/// The base of every exception that AuditAggregator throws on purpose.
/// </summary>
/// <remarks>
/// Messages never carry credentials, whole response bodies or vendor stack traces.
/// </remarks>
public abstract class AuditException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="AuditException"/> class.
    /// </summary>
    /// <param name="message">The message, safe to log.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected AuditException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
