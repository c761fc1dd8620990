namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>The problem-details object a DocSpace 400 carries in <c>response</c>.</summary>
internal sealed class ProblemDetailsBody
{
    public string Type { get; init; } = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    public string Title { get; init; } = "One or more validation errors occurred.";

    public int Status { get; init; } = 400;

    public required Dictionary<string, string[]> Errors { get; init; }

    public required string TraceId { get; init; }
}
