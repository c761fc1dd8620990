namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// One entry of an ExaVault activity log: <c>{"type","id","attributes"}</c>.
/// </summary>
/// <typeparam name="TAttributes">The attributes of the log's entries.</typeparam>
internal sealed class ExaVaultLogEntry<TAttributes>
    where TAttributes : class
{
    /// <summary>
    /// Gets the entry type, <c>sessionActivity</c> or <c>webhookActivity</c>.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>
    /// Gets the vendor's id of the entry.
    /// </summary>
    public long? Id { get; init; }

    /// <summary>
    /// Gets the entry's attributes; any of them may be missing.
    /// </summary>
    public TAttributes? Attributes { get; init; }
}
