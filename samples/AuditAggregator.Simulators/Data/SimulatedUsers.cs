namespace AuditAggregator.Simulators;

/// <summary>
/// The fixed directory of people behind every simulated data set, shared by both simulators.
/// </summary>
/// <remarks>
/// ExaVault usernames are short names (<c>alice</c>) except for one account whose username is its e-mail address
/// (<c>grace@example.com</c>), which ExaVault allows. Correlate the products by <see cref="SimulatedUser.Email"/>.
/// </remarks>
public static class SimulatedUsers
{
    /// <summary>Gets every person, in a fixed order.</summary>
    public static IReadOnlyList<SimulatedUser> All { get; } =
    [
        new("alice@example.com", "Alice Johnson", new Guid("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"), "alice"),
        new("bob@example.com", "Bob Smith", new Guid("5f2d0a11-7c3e-4b8a-9d61-0a4c2e8f1b22"), "bob"),
        new("carol@example.com", "Carol White", new Guid("8a7e6d5c-4b3a-4921-8f0e-1d2c3b4a5f33"), "carol"),
        new("dave@example.com", "Dave Brown", new Guid("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d44"), null),
        new("erin@example.com", "Erin Davis", null, "erin"),
        new("frank@example.com", "Frank Miller", new Guid("c4d5e6f7-0819-4a2b-9c3d-4e5f60718255"), "frank"),
        new("grace@example.com", "Grace Lee", new Guid("d1e2f3a4-b5c6-47d8-a9e0-f1a2b3c4d566"), "grace@example.com"),
        new("heidi@example.com", "Heidi Clark", new Guid("e7f8091a-2b3c-4d4e-8f5a-6b7c8d9e0f77"), null),
        new("ivan@example.com", "Ivan Petrov", null, "ivan"),
        new("judy@example.com", "Judy Kim", new Guid("f0e1d2c3-b4a5-4697-8877-665544332288"), "judy"),
        new("admin@example.com", "Portal Admin", new Guid("11111111-2222-4333-8444-555555555599"), "exaadmin"),
    ];

    /// <summary>Gets the people with a DocSpace account.</summary>
    public static IReadOnlyList<SimulatedUser> DocSpace { get; } = All.Where(u => u.InDocSpace).ToArray();

    /// <summary>Gets the people with an ExaVault account.</summary>
    public static IReadOnlyList<SimulatedUser> ExaVault { get; } = All.Where(u => u.InExaVault).ToArray();

    private static readonly Dictionary<string, int> Positions =
        All.Select((user, index) => (user.Email, index)).ToDictionary(p => p.Email, p => p.index, StringComparer.Ordinal);

    /// <summary>Gets the logins typed by nobody with an account (failed logins against unknown accounts).</summary>
    public static IReadOnlyList<string> UnknownLogins { get; } = ["unknown@example.com", "admin", "root@example.com", "administrator"];

    private static readonly string[] FirstNames =
    [
        "Aiko", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya",
        "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Novak", "Silva", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Rossi", "Nguyen", "Berg",
        "Costa", "Fischer", "Ivanova", "Jensen", "Kaur", "Lopez", "Mensah", "Ortiz", "Park",
    ];

    /// <summary>Gets the position of <paramref name="user"/> in <see cref="All"/>.</summary>
    internal static int IndexOf(SimulatedUser user) => Positions[user.Email];

    /// <summary>
    /// Gets the people of simulated account <paramref name="account"/> (1-based): account 1 is <see cref="All"/>;
    /// every other account has people of its own, with the same mix of who has which product, plus Grace Lee, a
    /// consultant who works in every account under the same e-mail (so the comparison joins her across them).
    /// </summary>
    /// <param name="account">The account number, from 1.</param>
    /// <returns>The account's people, in a fixed order.</returns>
    public static IReadOnlyList<SimulatedUser> ForAccount(int account)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(account);
        if (account == 1)
        {
            return All;
        }

        var people = new List<SimulatedUser>(All.Count);
        for (var i = 0; i < All.Count; i++)
        {
            var template = All[i];
            if (template.Email == "grace@example.com")
            {
                people.Add(template with { DocSpaceUserId = template.DocSpaceUserId is null ? null : AccountGuid(account, i) });
                continue;
            }

            var first = FirstNames[((account - 1) * All.Count + i) % FirstNames.Length];
            var last = LastNames[(((account - 1) * 7) + (i * 3)) % LastNames.Length];
            var local = template.Email.StartsWith("admin@", StringComparison.Ordinal) ? "admin" : $"{first}.{last}".ToLowerInvariant();
            var name = local == "admin" ? $"Portal Admin {account}" : $"{first} {last}";
            people.Add(new SimulatedUser(
                $"{local}@account{account}.example.com",
                name,
                template.DocSpaceUserId is null ? null : AccountGuid(account, i),
                template.ExaVaultUsername is null ? null : local == "admin" ? $"exaadmin{account}" : $"{first.ToLowerInvariant()}{account}"));
        }

        return people;
    }

    private static Guid AccountGuid(int account, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Data.Internal.Mix.Hash(account, 0x5EED, index));
        BitConverter.TryWriteBytes(bytes[8..], Data.Internal.Mix.Hash(account, 0x5EEE, index));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
