using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.ConsoleApp.Sources;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// <c>simulate</c>: serves both simulators over one simulated world until Ctrl+C or SIGTERM. stdout gets the
/// environment variables that point the console at them (<c>NAME=value</c> lines, so that
/// <c>simulate &gt; sim.env</c> can be sourced), stderr what is served and how to stop it.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(SimulateSettings settings, TextWriter stdout, TextWriter stderr, ConsoleEnvironment environment, CancellationToken cancellationToken)
    {
        CheckPorts(settings);
        SimulatorEnvironment world;
        try
        {
            world = await SimulatorEnvironment.StartAsync(
                new SimulatorEnvironmentOptions
                {
                    TotalEventCount = settings.Events,
                    Accounts = settings.Accounts,
                    TimeProvider = environment.Clock,
                    ConfigureDocSpace = o => (o.Port, o.Latency) = (settings.DocSpacePort, settings.Latency),
                    ConfigureExaVault = o => (o.Port, o.Latency) = (settings.ExaVaultPort, settings.Latency),
                },
                cancellationToken);
        }
        catch (IOException ex)
        {
            throw new BadArgumentException($"{ConsoleOptions.DocSpacePort} or {ConsoleOptions.ExaVaultPort}", $"cannot listen: {ex.Message}", ex);
        }

        await using (world)
        {
            if (settings.FaultRate > 0)
            {
                var faults = settings.Faults.ToArray();
                var seed = 1;
                foreach (var plan in world.DocSpaces.Select(d => d.Faults).Concat(world.ExaVaults.Select(e => e.Faults)))
                {
                    plan.SetRandomFaults(settings.FaultRate, seed++, faults);
                }
            }

            WriteVariables(stdout, world);
            WriteNotes(stderr, settings, world);
            await using (settings.AppendEvery > TimeSpan.Zero ? new SimulatedActivity(world, settings.AppendEvery) : null)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C or SIGTERM: the normal way to stop serving.
                }
            }

            stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"audit-aggregator: simulators stopped after {world.DocSpaces.Sum(d => d.RequestCount):N0} docspace and {world.ExaVaults.Sum(e => e.RequestCount):N0} exavault requests."));
        }

        return ExitCodes.Success;
    }

    private static void CheckPorts(SimulateSettings settings)
    {
        if (settings.DocSpacePort != 0 && settings.DocSpacePort == settings.ExaVaultPort)
        {
            throw new BadArgumentException(ConsoleOptions.ExaVaultPort, "is the same as --docspace-port; each simulator needs a port of its own.");
        }

        foreach (var (option, port) in new[] { (ConsoleOptions.DocSpacePort, settings.DocSpacePort), (ConsoleOptions.ExaVaultPort, settings.ExaVaultPort) })
        {
            if (port == 0)
            {
                continue;
            }

            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
            }
            catch (SocketException ex)
            {
                throw new BadArgumentException(option, string.Create(CultureInfo.InvariantCulture, $"cannot listen on 127.0.0.1:{port} ({ex.SocketErrorCode}); give another port, or 0 for a free one."), ex);
            }
        }
    }

    private static void WriteVariables(TextWriter stdout, SimulatorEnvironment world)
    {
        if (world.DocSpaces.Count == 1)
        {
            stdout.WriteLine($"{EnvironmentVariables.DocSpaceUrl}={world.DocSpace.BaseUri}");
            stdout.WriteLine($"{EnvironmentVariables.DocSpaceToken}={DocSpaceCredential.DefaultApiKey}");
            stdout.WriteLine($"{EnvironmentVariables.ExaVaultUrl}={world.ExaVault.BaseUri}");
            stdout.WriteLine($"{EnvironmentVariables.ExaVaultApiKey}={ExaVaultSimulatorOptions.DefaultApiKey}");
            stdout.WriteLine($"{EnvironmentVariables.ExaVaultAccessToken}={ExaVaultSimulatorOptions.DefaultAccessToken}");
            stdout.Flush();
            return;
        }

        // Many accounts: one set per account, named for a sources file ("token": "${DOCSPACE_2_TOKEN}").
        for (var k = 0; k < world.DocSpaces.Count; k++)
        {
            var number = (k + 1).ToString(CultureInfo.InvariantCulture);
            var portal = world.DocSpaces[k];
            var account = world.ExaVaults[k];
            stdout.WriteLine($"DOCSPACE_{number}_URL={portal.BaseUri}");
            stdout.WriteLine($"DOCSPACE_{number}_TOKEN={portal.Options.Credentials.First(c => c.Kind == DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret}");
            stdout.WriteLine($"EXAVAULT_{number}_URL={account.BaseUri}");
            stdout.WriteLine($"EXAVAULT_{number}_API_KEY={account.Options.ApiKey}");
            stdout.WriteLine($"EXAVAULT_{number}_ACCESS_TOKEN={account.Options.AccessToken}");
        }

        stdout.Flush();
    }

    private static void WriteNotes(TextWriter stderr, SimulateSettings settings, SimulatorEnvironment world)
    {
        var faults = settings.FaultRate > 0
            ? string.Create(CultureInfo.InvariantCulture, $"a fault on {settings.FaultRate * 100:0.#}% of requests, drawn from {string.Join(", ", settings.Faults)}")
            : "no faults";
        var activity = settings.AppendEvery > TimeSpan.Zero ? $"new events every {ArgumentValues.Describe(settings.AppendEvery)}" : "no new events";
        if (settings.Accounts > 1)
        {
            var servers = world.DocSpaces.Select(d => $"{d.Options.SourceName} {d.BaseUri}").Concat(world.ExaVaults.Select(e => $"{e.Options.SourceName} {e.BaseUri}"));
            stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"audit-aggregator: serving {settings.Accounts} DocSpace portals and {settings.Accounts} ExaVault accounts, {settings.Events:N0} simulated events each over the 30 days before {world.Now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: {string.Join(", ", servers)} (latency {ArgumentValues.Describe(settings.Latency)}, {faults}, {activity})."));
            stderr.WriteLine(
                "audit-aggregator: stdout has one set of variables per account (DOCSPACE_1_URL, DOCSPACE_1_TOKEN, EXAVAULT_1_URL, EXAVAULT_1_API_KEY, "
                + "EXAVAULT_1_ACCESS_TOKEN, ...); set them in another shell and name them in a sources file (\"token\": \"${DOCSPACE_1_TOKEN}\"). Ctrl+C stops.");
            stderr.Flush();
            return;
        }

        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"audit-aggregator: serving {settings.Events:N0} simulated events over the 30 days before {world.Now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: docspace {world.DocSpace.BaseUri}, exavault {world.ExaVault.BaseUri} (latency {ArgumentValues.Describe(settings.Latency)}, {faults}, {activity})."));
        stderr.WriteLine(
            "audit-aggregator: stdout has the variables that point the console at them; set them in another shell, or pass the same as "
            + "--docspace-url, --docspace-token, --exavault-url, --exavault-api-key and --exavault-access-token.");
        stderr.WriteLine($"audit-aggregator: DocSpace also accepts {DocSpaceCredential.DefaultNonAdminApiKey}, a user who is not an administrator (answered with 403). Ctrl+C stops.");
        stderr.Flush();
    }
}
