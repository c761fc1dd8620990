using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>Simulated worlds hosted by the tests, and the console flags that point at them as real services.</summary>
internal static class Worlds
{
    /// <summary>The window most tests read: the 7 days before <see cref="InProcess.Now"/>.</summary>
    public static readonly DateTimeOffset From = InProcess.Now.AddDays(-7);

    public static readonly DateTimeOffset To = InProcess.Now;

    public static string[] Window => ["--from", "2025-05-26T12:00:00Z", "--to", "2025-06-02T12:00:00Z"];

    public static Task<SimulatorEnvironment> StartAsync(int events = 5000, Action<SimulatorEnvironmentOptions>? configure = null)
    {
        var options = new SimulatorEnvironmentOptions { TotalEventCount = events, Now = InProcess.Now };
        configure?.Invoke(options);
        return SimulatorEnvironment.StartAsync(options);
    }

    /// <summary>The flags of a real-service configuration pointed at <paramref name="world"/>.</summary>
    public static string[] Flags(SimulatorEnvironment world) =>
    [
        "--docspace-url", world.DocSpace.BaseUri.ToString(),
        "--docspace-token", DocSpaceCredential.DefaultApiKey,
        "--exavault-url", world.ExaVault.BaseUri.ToString(),
        "--exavault-api-key", ExaVaultSimulatorOptions.DefaultApiKey,
        "--exavault-access-token", ExaVaultSimulatorOptions.DefaultAccessToken,
    ];

    /// <summary>The environment variables of the same configuration.</summary>
    public static Dictionary<string, string> Variables(SimulatorEnvironment world) => new()
    {
        ["DOCSPACE_URL"] = world.DocSpace.BaseUri.ToString(),
        ["DOCSPACE_TOKEN"] = DocSpaceCredential.DefaultApiKey,
        ["EXAVAULT_URL"] = world.ExaVault.BaseUri.ToString(),
        ["EXAVAULT_API_KEY"] = ExaVaultSimulatorOptions.DefaultApiKey,
        ["EXAVAULT_ACCESS_TOKEN"] = ExaVaultSimulatorOptions.DefaultAccessToken,
    };

    /// <summary>The ids a correct export of [<paramref name="from"/>, <paramref name="to"/>) returns: the simulators' own expected set.</summary>
    public static HashSet<string> ExpectedIds(SimulatorEnvironment world, DateTimeOffset from, DateTimeOffset to)
    {
        // The simulators' windows include both ends and times are whole seconds; the console's excludes its end.
        var last = to.AddSeconds(-1);
        return world.DocSpace.Data.EventsBetween(from, last)
            .Concat(world.DocSpace.Data.AuditEventsBetween(from, last))
            .Concat(world.ExaVault.Data.SessionsBetween(from, last))
            .Concat(world.ExaVault.Data.WebhooksBetween(from, last))
            .Select(r => r.AuditId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
