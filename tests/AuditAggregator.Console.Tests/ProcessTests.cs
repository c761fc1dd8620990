using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;
using Xunit.Abstractions;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class ProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Process_JsonlFromEnvironmentVariables_WritesOnlyDataToStdoutAndExitsZero()
    {
        await using var world = await Worlds.StartAsync();

        var run = await ConsoleProcess.RunAsync(["--format", "jsonl", .. Worlds.Window], Worlds.Variables(world));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Worlds.ExpectedIds(world, Worlds.From, Worlds.To), JsonLines.Ids(run.Stdout).ToHashSet());
        Assert.Contains("exported", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ReaderOfStdoutGoesAway_StopsReadingPagesAndExitsTwoNamingStdout()
    {
        // `export | head -1`: once the pipe's reader has gone the export must stop, not read (and be billed for)
        // every page and report them all exported. Each request is slowed so that the read is far from its end.
        await using var world = await Worlds.StartAsync(6000);
        world.DocSpace.Faults.SetRandomFaults(1.0, 1, SimulatedFault.Slow(TimeSpan.FromMilliseconds(50)));
        world.ExaVault.Faults.SetRandomFaults(1.0, 1, SimulatedFault.Slow(TimeSpan.FromMilliseconds(50)));
        using var process = ConsoleProcess.Start(
            ["export", "--format", "jsonl", "--page-size", "50", "--from", "2025-05-13T12:00:00Z", "--to", "2025-06-02T12:00:00Z"],
            Worlds.Variables(world));

        var first = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var stderr = await errors;
        output.WriteLine(stderr);

        Assert.NotNull(first);
        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}: {stderr}");
        Assert.Contains("stdout: cannot write", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var pages = Worlds.ExpectedIds(world, new DateTimeOffset(2025, 5, 13, 12, 0, 0, TimeSpan.Zero), Worlds.To).Count / 50;
        Assert.InRange(world.DocSpace.RequestCount + world.ExaVault.RequestCount, 1, pages / 2);
    }

    [Fact]
    public async Task Process_BadArgument_ExitsTwoWithOneMessageAndNoStackTrace()
    {
        var run = await ConsoleProcess.RunAsync(["--format", "xml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Process_KilledMidExport_ResumesFromTheCheckpointWithNoLossAndNoDuplicates()
    {
        // Every request is slowed so that the export is still running when it is killed.
        await using var world = await Worlds.StartAsync(6000);
        world.DocSpace.Faults.SetRandomFaults(1.0, 1, SimulatedFault.Slow(TimeSpan.FromMilliseconds(80)));
        world.ExaVault.Faults.SetRandomFaults(1.0, 1, SimulatedFault.Slow(TimeSpan.FromMilliseconds(80)));
        var directory = Directory.CreateTempSubdirectory("audit-resume-");
        var file = Path.Combine(directory.FullName, "audit.jsonl");
        var checkpoint = Path.Combine(directory.FullName, "audit.checkpoint");
        string[] args =
        [
            "export", "--format", "jsonl", "--output", file, "--checkpoint", checkpoint, "--commit-every", "200",
            "--page-size", "100", "--from", "2025-05-13T12:00:00Z", "--to", "2025-06-02T12:00:00Z",
        ];
        var expected = Worlds.ExpectedIds(world, new DateTimeOffset(2025, 5, 13, 12, 0, 0, TimeSpan.Zero), Worlds.To);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var process = ConsoleProcess.Start(args, Worlds.Variables(world)))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (LineCount(file) < 400)
                {
                    if (process.HasExited)
                    {
                        Assert.Fail("the export finished before it could be killed: " + await process.StandardError.ReadToEndAsync());
                    }

                    Assert.True(DateTime.UtcNow < deadline, "the export made no progress");
                    await Task.Delay(25);
                }

                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            var atKill = LineCount(file);
            output.WriteLine($"killed with {atKill:N0} of {expected.Count:N0} lines written after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.True(atKill < expected.Count, "killed too late to test a resume");

            world.DocSpace.Faults.Clear();
            world.ExaVault.Faults.Clear();
            clock.Restart();
            var resumed = await ConsoleProcess.RunAsync(args, Worlds.Variables(world));
            output.WriteLine($"resumed in {clock.Elapsed.TotalSeconds:0.0} s: {resumed.Stderr}");

            Assert.True(resumed.ExitCode == 0, resumed.ToString());
            var ids = JsonLines.Ids(await File.ReadAllTextAsync(file));
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.True(expected.SetEquals(ids), $"expected {expected.Count} events, got {ids.Count}");

            // A finished export run again adds nothing: the window is committed.
            var again = await ConsoleProcess.RunAsync(args, Worlds.Variables(world));
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(ids.Count, JsonLines.Ids(await File.ReadAllTextAsync(file)).Count);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Process_Simulate_ServesAnExportWithThePrintedCredentialsAndAWrongTokenExitsThree()
    {
        using var simulate = ConsoleProcess.Start(["simulate", "--simulator-events", "2000"]);
        var stderr = simulate.StandardError.ReadToEndAsync();
        try
        {
            // stdout: one NAME=value line per variable, then nothing until the simulators stop.
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (variables.Count < 5 && await simulate.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    var equals = line.IndexOf('=', StringComparison.Ordinal);
                    variables[line[..equals]] = line[(equals + 1)..];
                }
            }

            Assert.Equal(["DOCSPACE_TOKEN", "DOCSPACE_URL", "EXAVAULT_ACCESS_TOKEN", "EXAVAULT_API_KEY", "EXAVAULT_URL"], variables.Keys.Order(StringComparer.Ordinal));

            var export = await ConsoleProcess.RunAsync(["export", "--format", "jsonl"], variables);
            Assert.True(export.ExitCode == 0, export.ToString());
            var events = JsonLines.Parse(export.Stdout);
            Assert.Contains(events, e => e.GetProperty("source").GetString() == "docspace");
            Assert.Contains(events, e => e.GetProperty("source").GetString() == "exavault");

            var wrong = new Dictionary<string, string>(variables) { ["DOCSPACE_TOKEN"] = "sk-not-the-simulators-key" };
            var refused = await ConsoleProcess.RunAsync(["export", "--format", "jsonl"], wrong);
            Assert.True(refused.ExitCode == 3, refused.ToString());
            Assert.StartsWith("audit-aggregator: error: docspace: HTTP 401", refused.StderrLines.Last(), StringComparison.Ordinal);
            Assert.DoesNotContain("sk-not-the-simulators-key", refused.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Stop(simulate);
        }

        await simulate.WaitForExitAsync();
        output.WriteLine(await stderr);
        if (!OperatingSystem.IsWindows())
        {
            // SIGTERM stops serving cleanly, as Ctrl+C does.
            Assert.Equal(0, simulate.ExitCode);
            Assert.Contains("simulators stopped after", await stderr, StringComparison.Ordinal);
        }
    }

    private static void Stop(System.Diagnostics.Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return;
        }

        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int LineCount(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var count = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            count += b == '\n' ? 1 : 0;
        }

        return count;
    }
}
