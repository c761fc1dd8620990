namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>The <c>error</c> object of a DocSpace error body (the server sends type, stack and hresult when stack traces are on).</summary>
internal sealed class DocSpaceErrorDetail
{
    public required string Message { get; init; }

    public string? Type { get; init; }

    public string? Stack { get; init; }

    public int? Hresult { get; init; }
}
