using System.Globalization;
using System.Text.Json;

namespace AuditAggregator.FaultTests.Support;

/// <summary>
/// The console's checkpointed export run to its end while it is killed (SIGKILL) at random points and restarted from
/// its checkpoint, and the ids read back from its JSON Lines output.
/// </summary>
public static class KilledExport
{
    /// <summary>Runs the console until it exits on its own, killing it <see cref="KillPlan.Kills"/> times first.</summary>
    /// <param name="output">The test's output, one line a run.</param>
    /// <param name="directory">The working directory of every run.</param>
    /// <param name="arguments">The console's arguments: an export with a checkpoint, writing <paramref name="outputFile"/>.</param>
    /// <param name="environment">Variables to set for every run.</param>
    /// <param name="outputFile">The output file, whose growth times most kills.</param>
    /// <param name="plan">How many kills, and how far apart.</param>
    /// <returns>How many times the console was killed.</returns>
    public static async Task<int> RunAsync(
        ITestOutputHelper output,
        string directory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string outputFile,
        KillPlan plan)
    {
        var random = new Random(plan.Seed);
        var kills = 0;
        var runs = 0;
        while (true)
        {
            runs++;
            var lengthBefore = File.Exists(outputFile) ? new FileInfo(outputFile).Length : 0;
            using var console = ConsoleProcess.Start(directory, arguments, environment);
            if (kills < plan.Kills)
            {
                // Every fourth kill lands at a random moment of start-up or the first pages. The others wait until
                // this run's output grew by a random step, so the kills spread over the whole export however fast the
                // machine is. Steps cut mid-page and between pages alike.
                if (kills % 4 != 3)
                {
                    var step = random.Next(plan.ExpectedBytes / (2 * plan.StepDivisor), plan.ExpectedBytes / plan.StepDivisor);
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

            var exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(90));
            output.WriteLine($"run {runs}: exited {exitCode} after {kills} kills; stderr: {console.Stderr.Trim()}");
            Assert.True(exitCode == 0, $"the console exited {exitCode}: {console.Stderr}");
            return kills;
        }
    }

    /// <summary>Reads the <c>id</c> of every line of a JSON Lines output file, in order.</summary>
    /// <param name="outputFile">The file.</param>
    /// <returns>The ids.</returns>
    public static async Task<List<string>> ReadIdsAsync(string outputFile)
    {
        var ids = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(outputFile))
        {
            using var json = JsonDocument.Parse(line);
            ids.Add(json.RootElement.GetProperty("id").GetString()!);
        }

        return ids;
    }

    /// <summary>Formats an instant as the console's <c>--from</c> and <c>--to</c> take it.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>UTC, to the second, with a <c>Z</c>.</returns>
    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

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
