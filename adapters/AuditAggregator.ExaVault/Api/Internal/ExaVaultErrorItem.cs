namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// One error of an <see cref="ExaVaultErrorBody"/>, for example <c>ERROR_INVALID_CREDENTIALS</c>.
/// </summary>
internal sealed class ExaVaultErrorItem
{
    public string? Code { get; init; }

    public string? Detail { get; init; }
}
