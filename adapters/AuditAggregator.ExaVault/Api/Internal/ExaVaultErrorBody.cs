namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// An ExaVault error body: <c>{"responseStatus":N,"errors":[{"code","detail"}]}</c>.
/// </summary>
internal sealed class ExaVaultErrorBody
{
    public int? ResponseStatus { get; init; }

    public IReadOnlyList<ExaVaultErrorItem>? Errors { get; init; }
}
