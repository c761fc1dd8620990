namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>
/// The people of one simulated account, with the roles the generators give some of them: the administrator who sets
/// up rooms, and the person whose account failed-login bursts target.
/// </summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<string, int> _positions;

    public UserDirectory(IReadOnlyList<SimulatedUser> all)
    {
        All = all;
        DocSpace = [.. all.Where(u => u.InDocSpace)];
        ExaVault = [.. all.Where(u => u.InExaVault)];
        _positions = all.Select((user, index) => (user.Email, index)).ToDictionary(p => p.Email, p => p.index, StringComparer.Ordinal);
        Administrator = all.FirstOrDefault(u => u.InDocSpace && u.Email.StartsWith("admin@", StringComparison.Ordinal)) ?? DocSpace[^1];
        BurstTarget = DocSpace[Math.Min(1, DocSpace.Count - 1)];
        ExaVaultBurstTarget = BurstTarget.ExaVaultUsername ?? ExaVault[0].ExaVaultUsername!;
    }

    public IReadOnlyList<SimulatedUser> All { get; }

    public IReadOnlyList<SimulatedUser> DocSpace { get; }

    public IReadOnlyList<SimulatedUser> ExaVault { get; }

    public SimulatedUser Administrator { get; }

    public SimulatedUser BurstTarget { get; }

    public string ExaVaultBurstTarget { get; }

    public int IndexOf(SimulatedUser user) => _positions[user.Email];

    /// <summary>Checks that a directory can feed both simulators: unique e-mails, someone in each product.</summary>
    public static void Validate(IReadOnlyList<SimulatedUser>? users, string parameter)
    {
        ArgumentNullException.ThrowIfNull(users, parameter);
        if (!users.Any(u => u.InDocSpace) || !users.Any(u => u.InExaVault))
        {
            throw new ArgumentException("The simulated people need at least one DocSpace and one ExaVault account.", parameter);
        }

        if (users.Select(u => u.Email).Distinct(StringComparer.Ordinal).Count() != users.Count)
        {
            throw new ArgumentException("The simulated people need unique e-mail addresses.", parameter);
        }
    }
}
