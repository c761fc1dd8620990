using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task Export_CancelledMidWindowThenRunAgain_ExitsInterruptedAndEndsWithTheExpectedSetOnce()
    {
        await using var world = await Worlds.StartAsync(8000);
        world.DocSpace.Faults.SetRandomFaults(1.0, 1, SimulatedFault.Slow(TimeSpan.FromMilliseconds(60)));
        world.ExaVault.Faults.SetRandomFaults(1.0, 1, SimulatedFault.Slow(TimeSpan.FromMilliseconds(60)));
        var directory = Directory.CreateTempSubdirectory("audit-cancel-");
        var file = Path.Combine(directory.FullName, "audit.csv");
        string[] args =
        [
            "export", "--format", "csv", "--output", file, "--checkpoint", Path.Combine(directory.FullName, "state.db"),
            "--commit-every", "150", "--page-size", "100", .. Worlds.Window, .. Worlds.Flags(world),
        ];
        try
        {
            using var stop = new CancellationTokenSource();
            var first = InProcess.RunAsync(args, cancellationToken: stop.Token);
            while (RowCount(file) < 300)
            {
                Assert.False(first.IsCompleted, "the export finished before it could be interrupted");
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            var interrupted = await first;
            Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
            Assert.Contains("interrupted", interrupted.Stderr, StringComparison.Ordinal);

            world.DocSpace.Faults.Clear();
            world.ExaVault.Faults.Clear();
            var resumed = await InProcess.RunAsync(args);

            Assert.True(resumed.ExitCode == 0, resumed.ToString());
            var rows = Csv.Parse(await File.ReadAllTextAsync(file));
            Assert.Single(rows, r => r[0] == "time");
            var ids = rows.Skip(1).Select(r => r[3]).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.True(Worlds.ExpectedIds(world, Worlds.From, Worlds.To).SetEquals(ids));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Export_CheckpointOfAnotherFile_ExitsTwoNamingOutput()
    {
        await using var world = await Worlds.StartAsync(300);
        var directory = Directory.CreateTempSubdirectory("audit-other-");
        var checkpoint = Path.Combine(directory.FullName, "state.db");
        try
        {
            var first = await InProcess.RunAsync(["export", "--format", "jsonl", "--output", Path.Combine(directory.FullName, "a.jsonl"), "--checkpoint", checkpoint, .. Worlds.Window, .. Worlds.Flags(world)]);
            Assert.True(first.ExitCode == 0, first.ToString());

            var second = await InProcess.RunAsync(["export", "--format", "jsonl", "--output", Path.Combine(directory.FullName, "b.jsonl"), "--checkpoint", checkpoint, .. Worlds.Window, .. Worlds.Flags(world)]);

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("--output", second.Stderr, StringComparison.Ordinal);
            Assert.Contains("a.jsonl", second.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static int RowCount(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split("\r\n").Length - 1;
    }
}
