namespace AuditAggregator.Simulators;

/// <summary>
/// A person of the simulated world. Most appear in both products under the same e-mail address; some in one only.
/// </summary>
/// <param name="Email">The e-mail address: the DocSpace login, and the key that ties the two products together.</param>
/// <param name="DisplayName">The display name DocSpace reports in <c>user</c>.</param>
/// <param name="DocSpaceUserId">The DocSpace user id, or <see langword="null"/> when the person has no DocSpace account.</param>
/// <param name="ExaVaultUsername">The ExaVault username, or <see langword="null"/> when the person has no ExaVault account.</param>
public sealed record SimulatedUser(string Email, string DisplayName, Guid? DocSpaceUserId, string? ExaVaultUsername)
{
    /// <summary>Gets a value indicating whether the person has a DocSpace account.</summary>
    public bool InDocSpace => DocSpaceUserId is not null;

    /// <summary>Gets a value indicating whether the person has an ExaVault account.</summary>
    public bool InExaVault => ExaVaultUsername is not null;
}
