namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>One entry of an ExaVault error body.</summary>
internal sealed class ExaVaultError
{
    public required string Code { get; init; }

    public required string Detail { get; init; }
}
