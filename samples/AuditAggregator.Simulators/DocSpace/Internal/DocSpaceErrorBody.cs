namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>The DocSpace error body: <c>{"status":1,"statusCode":N,"error":{...}}</c>.</summary>
internal sealed class DocSpaceErrorBody
{
    public int Status { get; init; } = 1;

    public int StatusCode { get; init; }

    public required DocSpaceErrorDetail Error { get; init; }
}
