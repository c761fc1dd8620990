using System.Text.Json.Serialization;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>Source-generated JSON for the ExaVault error body.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExaVaultErrorBody))]
internal sealed partial class ExaVaultJsonContext : JsonSerializerContext;
