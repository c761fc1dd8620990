using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>
/// The console's checkpointed export of three accounts from a sources file (two DocSpace portals, one ExaVault
/// account), killed (SIGKILL) at random points and restarted until it finishes: the output holds every event of each
/// account's window exactly once.
/// </summary>
public sealed class ManyAccountsKillTests(ITestOutputHelper output)
{
    private const int Kills = 8;

    [Fact]
    public async Task Export_ThreeSourcesKilledRepeatedlyAndRestarted_LosesAndRepeatsNothing()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Now = FaultHarness.Now,
            Seed = 4,
            TotalEventCount = 12_000,
            Accounts = 2,
        });
        var from = FaultHarness.Now.AddDays(-45);
        var to = FaultHarness.Now.AddSeconds(1);
        var logs = new (string Name, SimulatedLog Log)[]
        {
            ("north-docspace", world.DocSpaces[0].Data.Login),
            ("north-docspace", world.DocSpaces[0].Data.Audit),
            ("south-docspace", world.DocSpaces[1].Data.Login),
            ("south-docspace", world.DocSpaces[1].Data.Audit),
            ("north-exavault", world.ExaVaults[0].Data.Session),
            ("north-exavault", world.ExaVaults[0].Data.Webhooks),
        };
        var expected = logs
            .SelectMany(l => l.Log.EventsBetween(from, to).Where(r => r.Time < to).Select(r => $"{l.Name}:{r.Stream}:{r.Id}"))
            .ToHashSet(StringComparer.Ordinal);

        var directory = Directory.CreateTempSubdirectory("faulttests-accounts-");
        var sources = Path.Combine(directory.FullName, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [
                { "name": "north-docspace", "vendor": "docspace", "url": "{{world.DocSpaces[0].BaseUri}}", "token": "${NORTH_DOCSPACE_TOKEN}" },
                { "name": "south-docspace", "vendor": "docspace", "url": "{{world.DocSpaces[1].BaseUri}}", "token": "${SOUTH_DOCSPACE_TOKEN}" },
                { "name": "north-exavault", "vendor": "exavault", "url": "{{world.ExaVaults[0].BaseUri}}", "apiKey": "${NORTH_EV_KEY}", "accessToken": "${NORTH_EV_TOKEN}" } ] }
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NORTH_DOCSPACE_TOKEN"] = AdminKey(world.DocSpaces[0]),
            ["SOUTH_DOCSPACE_TOKEN"] = AdminKey(world.DocSpaces[1]),
            ["NORTH_EV_KEY"] = world.ExaVaults[0].Options.ApiKey,
            ["NORTH_EV_TOKEN"] = world.ExaVaults[0].Options.AccessToken,
        };
        var outputFile = Path.Combine(directory.FullName, "out.jsonl");
        string[] arguments =
        [
            "export", "--sources-file", sources, "--checkpoint", Path.Combine(directory.FullName, "checkpoint.db"), "--output", outputFile,
            "--format", "jsonl", "--from", KilledExport.Iso(from), "--to", KilledExport.Iso(to), "--commit-every", "200",
        ];

        // A step is at most 1/16 of the expected output, so 8 kills cannot run past the end.
        var kills = await KilledExport.RunAsync(output, directory.FullName, arguments, environment, outputFile, new KillPlan(Kills, Seed: 14, expected.Count * 600, StepDivisor: 16));
        var ids = await KilledExport.ReadIdsAsync(outputFile);

        foreach (var name in new[] { "north-docspace", "south-docspace", "north-exavault" })
        {
            var prefix = name + ":";
            Delivery.AssertExactlyOnce(
                output,
                $"console export of three accounts killed {kills} times (SIGKILL) and restarted",
                name,
                expected.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal),
                [.. ids.Where(id => id.StartsWith(prefix, StringComparison.Ordinal))]);
        }

        Assert.Equal(expected.Count, ids.Count);
        Assert.True(kills >= Kills, $"only {kills} kills: the export finished too early");
        directory.Delete(recursive: true);
    }

    private static string AdminKey(DocSpaceSimulator portal) =>
        portal.Options.Credentials.First(c => c.Kind == DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret;
}
