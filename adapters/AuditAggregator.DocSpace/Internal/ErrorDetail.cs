namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The <c>error</c> object of an error body; only the message is read.
/// </summary>
internal sealed class ErrorDetail
{
    public string? Message { get; set; }
}
