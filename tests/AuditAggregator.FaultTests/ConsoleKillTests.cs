using System.Globalization;
using System.Text.Json;
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
            "--from", Iso(from), "--to", Iso(to), "--commit-every", "250",
        ];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOCSPACE_URL"] = world.DocSpace.BaseUri.AbsoluteUri,
            ["DOCSPACE_TOKEN"] = Simulators.DocSpaceCredential.DefaultApiKey,
            ["EXAVAULT_URL"] = world.ExaVault.BaseUri.AbsoluteUri,
            ["EXAVAULT_API_KEY"] = ExaVaultSimulatorOptions.DefaultApiKey,
            ["EXAVAULT_ACCESS_TOKEN"] = ExaVaultSimulatorOptions.DefaultAccessToken,
        };

        var random = new Random(20);
        var kills = 0;
        var runs = 0;
        var exitCode = -1;
        while (true)
        {
            runs++;
            var lengthBefore = File.Exists(outputFile) ? new FileInfo(outputFile).Length : 0;
            using var console = ConsoleProcess.Start(directory.FullName, arguments, environment);
            if (kills < Kills)
            {
                // Every fourth kill lands at a random moment of start-up or the first pages. The others wait until
                // this run's output grew by a random step, so the kills spread over the whole export however fast the
                // machine is: a step is at most 1/30 of the expected output (about 600 bytes an event), so 20 kills
                // cannot run past the end. Steps cut mid-page and between pages alike.
                if (kills % 4 != 3)
                {
                    var step = random.Next(expected.Count * 600 / 60, expected.Count * 600 / 30);
                    await WaitUntilAsync(() => console.HasExited || (File.Exists(outputFile) && new FileInfo(outputFile).Length > lengthBefore + step));
                }
                else
                {
                    await Task.Delay(random.Next(50, 700));
                }

                if (!console.HasExited)
                {
                    await console.KillAsync();
                    kills++;
                    output.WriteLine($"run {runs}: killed (kill {kills}); output {new FileInfo(outputFile).Length:N0} bytes");
                    continue;
                }
            }

            exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(90));
            output.WriteLine($"run {runs}: exited {exitCode} after {kills} kills; stderr: {console.Stderr.Trim()}");
            Assert.True(exitCode == 0, $"the console exited {exitCode}: {console.Stderr}");
            break;
        }

        var ids = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(outputFile))
        {
            using var json = JsonDocument.Parse(line);
            ids.Add(json.RootElement.GetProperty("id").GetString()!);
        }

        Delivery.AssertExactlyOnce(output, $"console export killed {kills} times (SIGKILL) and restarted from its checkpoint", "both", expected, ids);
        Assert.True(kills >= Kills, $"only {kills} kills: the export finished too early");
        Assert.True(expected.Count >= 49_000, $"only {expected.Count} events expected");
        directory.Delete(recursive: true);
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the console made no progress within 60 s");
            await Task.Delay(5);
        }
    }
}
