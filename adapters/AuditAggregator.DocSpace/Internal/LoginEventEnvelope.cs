namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The success envelope around a list of login events (<c>LoginEventArrayWrapper</c>).
/// </summary>
/// <remarks><c>count</c> is the number of items on this page, not a total; <c>total</c> is normally absent.</remarks>
internal sealed class LoginEventEnvelope
{
    public List<DocSpaceLoginEvent>? Response { get; set; }

    public int? Count { get; set; }

    public int? Total { get; set; }

    public int? Status { get; set; }

    public int? StatusCode { get; set; }

    public ErrorDetail? Error { get; set; }
}
