using System.Globalization;
using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators.Hosting.Internal;

/// <summary>
/// The options of account <c>k</c> of a <see cref="SimulatorEnvironment"/>: account 1 is the single account of old
/// (seed, names, people and credentials unchanged); every other has its own of each.
/// </summary>
internal static class SimulatedAccounts
{
    public const int MaxAccounts = 100;

    public static DocSpaceSimulatorOptions DocSpace(SimulatorEnvironmentOptions shared, int account, DateTimeOffset now)
    {
        var total = shared.TotalEventCount;
        var options = new DocSpaceSimulatorOptions
        {
            Seed = SeedOf(shared.Seed, account),
            EventCount = total / 2,
            Now = now,
            TimeProvider = shared.TimeProvider,
            Span = shared.Span,
            Users = SimulatedUsers.ForAccount(account),
            SourceName = Name("docspace", account, shared.Accounts),
        };
        if (account > 1)
        {
            options.Credentials.Clear();
            foreach (var credential in DocSpaceCredential.CreateForAccount(account))
            {
                options.Credentials.Add(credential);
            }
        }

        return options;
    }

    public static ExaVaultSimulatorOptions ExaVault(SimulatorEnvironmentOptions shared, int account, DateTimeOffset now)
    {
        var total = shared.TotalEventCount;
        var sessions = (int)(total * 36L / 100);
        var options = new ExaVaultSimulatorOptions
        {
            Seed = SeedOf(shared.Seed, account),
            SessionEventCount = sessions,
            WebhookEventCount = total - (total / 2) - sessions,
            Now = now,
            TimeProvider = shared.TimeProvider,
            Span = shared.Span,
            Users = SimulatedUsers.ForAccount(account),
            SourceName = Name("exavault", account, shared.Accounts),
        };
        if (account > 1)
        {
            var number = account.ToString(CultureInfo.InvariantCulture);
            options.AccountName = "simulatedaccount" + number;
            options.ApiKey = $"simulatedaccount{number}-{Mix.Hex(Mix.Hash(account, 0xA91, 0), 20)}";
            options.AccessToken = Mix.Hex(Mix.Hash(account, 0xA77, 0), 64);
        }

        return options;
    }

    /// <summary>Gets the source name of account <paramref name="account"/>: the vendor alone when there is one account.</summary>
    public static string Name(string vendor, int account, int accounts) =>
        accounts == 1 ? vendor : string.Create(CultureInfo.InvariantCulture, $"{vendor}-{account}");

    private static long SeedOf(long seed, int account) => seed + ((account - 1) * 1_000_003L);
}
