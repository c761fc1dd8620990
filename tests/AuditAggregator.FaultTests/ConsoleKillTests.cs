using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>
/// The console's checkpointed export, killed (SIGKILL) at random points and restarted from its checkpoint until it
/// finishes: the output file holds every event of the window exactly once. The simulators run in this process, so
/// they live across the kills; the console reaches them through the DOCSPACE_* and EXAVAULT_* variables.
/// </summary>
public sealed class ConsoleKillTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public async Task Export_KilledRepeatedlyAndRestartedFromCheckpoint_WritesEveryEventOnce()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Now = FaultHarness.Now,
            Seed = 3,
            TotalEventCount = 50_000,
        });
        var from = FaultHarness.Now.AddDays(-45);
        var to = FaultHarness.Now.AddSeconds(1);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in new[] { world.DocSpace.Data.Login, world.DocSpace.Data.Audit, world.ExaVault.Data.Session, world.ExaVault.Data.Webhooks })
        {
            expected.UnionWith(log.EventsBetween(from, to).Where(r => r.Time < to).Select(r => r.AuditId));
        }

        var directory = Directory.CreateTempSubdirectory("faulttests-console-");
        var outputFile = Path.Combine(directory.FullName, "out.jsonl");
        string[] arguments =
        [
            "export", "--checkpoint", Path.Combine(directory.FullName, "checkpoint.db"), "--output", outputFile, "--format", "jsonl",
            "--from", KilledExport.Iso(from), "--to", KilledExport.Iso(to), "--commit-every", "250",
        ];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOCSPACE_URL"] = world.DocSpace.BaseUri.AbsoluteUri,
            ["DOCSPACE_TOKEN"] = Simulators.DocSpaceCredential.DefaultApiKey,
            ["EXAVAULT_URL"] = world.ExaVault.BaseUri.AbsoluteUri,
            ["EXAVAULT_API_KEY"] = ExaVaultSimulatorOptions.DefaultApiKey,
            ["EXAVAULT_ACCESS_TOKEN"] = ExaVaultSimulatorOptions.DefaultAccessToken,
        };

        // A step is at most 1/30 of the expected output (about 600 bytes an event), so 20 kills cannot run past the end.
        var kills = await KilledExport.RunAsync(output, directory.FullName, arguments, environment, outputFile, new KillPlan(Kills, Seed: 20, expected.Count * 600, StepDivisor: 30));
        var ids = await KilledExport.ReadIdsAsync(outputFile);

        Delivery.AssertExactlyOnce(output, $"console export killed {kills} times (SIGKILL) and restarted from its checkpoint", "both", expected, ids);
        Assert.True(kills >= Kills, $"only {kills} kills: the export finished too early");
        Assert.True(expected.Count >= 49_000, $"only {expected.Count} events expected");
        directory.Delete(recursive: true);
    }
}
