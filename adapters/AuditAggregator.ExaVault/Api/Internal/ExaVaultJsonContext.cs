using System.Text.Json.Serialization;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The source-generated JSON context of every ExaVault body. Numbers may come as strings and strings as numbers; unknown properties are kept
/// by the attributes' extension data.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(ExaVaultLogPage<ExaVaultSessionAttributes>))]
[JsonSerializable(typeof(ExaVaultLogPage<ExaVaultWebhookAttributes>))]
[JsonSerializable(typeof(ExaVaultRawLogPage))]
[JsonSerializable(typeof(ExaVaultErrorBody))]
internal sealed partial class ExaVaultJsonContext : JsonSerializerContext;
