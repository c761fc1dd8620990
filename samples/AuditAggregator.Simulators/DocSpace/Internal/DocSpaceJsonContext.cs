using System.Text.Json.Serialization;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>Source-generated JSON for the DocSpace DTOs; null properties are omitted, as the server does.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DocSpaceErrorBody))]
[JsonSerializable(typeof(ProblemDetailsBody))]
[JsonSerializable(typeof(ReportTaskDto))]
internal sealed partial class DocSpaceJsonContext : JsonSerializerContext;
