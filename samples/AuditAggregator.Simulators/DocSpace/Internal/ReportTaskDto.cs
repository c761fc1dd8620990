using System.Text.Json.Serialization;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// DocumentBuilderTaskDto: every property is required by the contract, so nulls are written, not omitted.
/// </summary>
internal sealed class ReportTaskDto
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Error { get; init; }

    public int Percentage { get; init; }

    public bool IsCompleted { get; init; }

    public int Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? ResultFileId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ResultFileName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ResultFileUrl { get; init; }
}
