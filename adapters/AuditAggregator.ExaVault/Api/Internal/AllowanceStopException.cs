namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Carries the "allowance too low" error through the retry pipeline, which would otherwise retry it as a transient
/// <see cref="AuditErrorKind.RateLimited"/> failure; the client unwraps it.
/// </summary>
internal sealed class AllowanceStopException : Exception
{
    public AllowanceStopException(AuditSourceException error)
        : base(error.Message, error) => Error = error;

    public AuditSourceException Error { get; }
}
