using System.Text.Json;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// A log page whose entries are kept as sent, for raw records on the DTO path: read with the same context as
/// <see cref="ExaVaultLogPage{TAttributes}"/>, so that its <c>data</c> is the same array entry for entry.
/// </summary>
internal sealed class ExaVaultRawLogPage
{
    public IReadOnlyList<JsonElement>? Data { get; init; }
}
