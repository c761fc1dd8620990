using System.Text.Json.Serialization;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The source-generated serializer metadata of every DocSpace DTO.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportEnvelope))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(DocSpaceReportJob))]
internal sealed partial class DocSpaceJsonContext : JsonSerializerContext;
