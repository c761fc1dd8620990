using System.Runtime.ExceptionServices;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// A page parsed inside a retried attempt: its events, or the error mapping an entry raised. A mapping error (an entry
/// with no id or no readable time) is not transient, so it is carried out of the attempt and thrown after it rather
/// than being retried.
/// </summary>
internal sealed class ExaVaultParsedPage
{
    private readonly AuditEvent[]? _events;
    private readonly ExceptionDispatchInfo? _error;

    public ExaVaultParsedPage(AuditEvent[] events) => _events = events;

    public ExaVaultParsedPage(ExceptionDispatchInfo error) => _error = error;

    /// <summary>Gets the events, or throws the mapping error.</summary>
    public AuditEvent[] GetEvents()
    {
        _error?.Throw();
        return _events!;
    }
}
