namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>The ExaVault error body: <c>{"responseStatus":N,"errors":[{"code","detail"}]}</c>.</summary>
internal sealed class ExaVaultErrorBody
{
    public int ResponseStatus { get; init; }

    public required IReadOnlyList<ExaVaultError> Errors { get; init; }
}
