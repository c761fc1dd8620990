using System.Text.Json.Serialization;
using AuditAggregator.Serialization.Internal;

namespace AuditAggregator.Serialization;

/// <summary>
/// The source-generated System.Text.Json context for <see cref="AuditEvent"/> in its documented JSON form.
/// </summary>
/// <remarks>
/// Add <see cref="Default"/> to a resolver chain to embed audit events in an application's own JSON.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    Converters = [typeof(InstantJsonConverter), typeof(OffsetJsonConverter), typeof(AuditDetailsJsonConverter)])]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(IReadOnlyList<AuditEvent>))]
public sealed partial class AuditJsonContext : JsonSerializerContext;
