using AuditAggregator.ConsoleApp.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class SourceConfigurationTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    [Fact]
    public async Task RunAsync_NoArguments_StartsTheSimulatorsSaysSoInOneLineAndShowsTableThenComparison()
    {
        var run = await InProcess.RunAsync([]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.StderrLines, l => l.Contains("simulators", StringComparison.Ordinal));
        Assert.StartsWith("audit-aggregator: no credentials configured", run.StderrLines[0], StringComparison.Ordinal);
        var table = run.Stdout.IndexOf("Time (UTC)", StringComparison.Ordinal);
        var comparison = run.Stdout.IndexOf("People across sources", StringComparison.Ordinal);
        Assert.True(table >= 0 && comparison > table, "the events table comes first, then the comparison");
        Assert.Contains("docspace/login", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("exavault/session", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EnvironmentVariablesPointAtSimulators_ReadsBothAsRealServices()
    {
        var run = await InProcess.RunAsync(["--format", "jsonl", .. Worlds.Window], Worlds.Variables(fixture.World));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("simulators run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To), JsonLines.Ids(run.Stdout).ToHashSet());
    }

    [Fact]
    public async Task RunAsync_ProcessStyleEnvironmentDictionary_ReadsTheVariables()
    {
        var environment = new System.Collections.Hashtable();
        foreach (var (name, value) in Worlds.Variables(fixture.World))
        {
            environment[name] = value;
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ConsoleApp.RunAsync(["--format", "jsonl", .. Worlds.Window], stdout, stderr, environment, CancellationToken.None);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal(Worlds.ExpectedIds(fixture.World, Worlds.From, Worlds.To), JsonLines.Ids(stdout.ToString()).ToHashSet());
    }

    [Fact]
    public async Task RunAsync_FlagsAndVariables_FlagsWin()
    {
        var variables = Worlds.Variables(fixture.World);
        variables["DOCSPACE_TOKEN"] = "sk-stale-token-from-the-environment";

        var run = await InProcess.RunAsync(
            ["export", "--format", "jsonl", "--source", "docspace", .. Worlds.Window, "--docspace-token", Simulators.DocSpaceCredential.DefaultApiKey],
            variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEmpty(run.StdoutLines);
    }

    [Fact]
    public async Task RunAsync_OnlyDocSpaceConfigured_LeavesExaVaultOutWithANote()
    {
        var variables = Worlds.Variables(fixture.World);
        variables.Remove("EXAVAULT_URL");
        variables.Remove("EXAVAULT_API_KEY");
        variables.Remove("EXAVAULT_ACCESS_TOKEN");

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", .. Worlds.Window], variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.StderrLines, l => l.Contains("exavault has no settings", StringComparison.Ordinal) && l.Contains("left out", StringComparison.Ordinal));
        Assert.All(JsonLines.Parse(run.Stdout), e => Assert.Equal("docspace", e.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task RunAsync_OnlyDocSpaceConfiguredAndAskedFor_SaysNothingAboutExaVault()
    {
        var variables = Worlds.Variables(fixture.World);
        variables.Remove("EXAVAULT_URL");
        variables.Remove("EXAVAULT_API_KEY");
        variables.Remove("EXAVAULT_ACCESS_TOKEN");

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--source", "docspace", .. Worlds.Window], variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(run.StderrLines, l => l.Contains("exavault", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SimulateWithCredentials_UsesTheSimulators()
    {
        var run = await InProcess.RunAsync(["export", "--simulate", "--format", "jsonl", "--simulator-events", "300"], Worlds.Variables(fixture.World));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.StderrLines, l => l.StartsWith("audit-aggregator: --simulate:", StringComparison.Ordinal));
        Assert.NotEmpty(run.StdoutLines);
    }

    [Fact]
    public async Task RunAsync_StderrIsATerminal_DrawsAProgressLineWithEventsAndPagesPerSource()
    {
        await using var world = await Worlds.StartAsync();
        // Slow enough that the read outlasts the 250 ms redraw several times over with 8 pages in flight.
        world.DocSpace.Faults.SetRandomFaults(1.0, 1, Simulators.SimulatedFault.Slow(TimeSpan.FromMilliseconds(400)));
        var file = Path.Combine(Path.GetTempPath(), $"progress-{Guid.NewGuid():N}.jsonl");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var exit = await ConsoleApp.RunAsync(
                ["export", "--format", "jsonl", "--output", file, .. Worlds.Window, .. Worlds.Flags(world)],
                stdout,
                stderr,
                new ConsoleEnvironment { StderrIsTerminal = true, Clock = new FakeTimeProvider(InProcess.Now) },
                CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.Contains("\r", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("events/s", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("docspace: ", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains(" pages", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RunAsync_MachineFormat_KeepsStdoutPureData()
    {
        var run = await InProcess.RunAsync(["--format", "jsonl", "--simulator-events", "500"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.StdoutLines, line => Assert.StartsWith("{\"id\":", line, StringComparison.Ordinal));
        Assert.Contains("exported", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", run.Stderr, StringComparison.Ordinal);
    }
}
