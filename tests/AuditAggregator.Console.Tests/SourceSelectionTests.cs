using AuditAggregator.ConsoleApp.Tests.Support;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary>Filters that read nothing, and page sizes a selected source does not allow, are refused before any request.</summary>
public sealed class SourceSelectionTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    [Theory]
    [InlineData("login", "exavault", "login is a stream of docspace, but --source exavault leaves docspace out")]
    [InlineData("session", "docspace", "session is a stream of exavault, but --source docspace leaves exavault out")]
    [InlineData("login,webhook", "exavault", "login is a stream of docspace")]
    [InlineData("audit", "exavault", "audit is a stream of docspace, but --source exavault leaves docspace out")]
    public async Task RunAsync_StreamOfASourceLeftOut_ExitsTwoNamingTheConflict(string stream, string source, string expected)
    {
        var run = await InProcess.RunAsync(["export", "--stream", stream, "--source", source]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--stream: {expected}", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Export_StreamAudit_ReadsExactlyTheDocSpaceAuditTrailOfTheWindow()
    {
        var run = await InProcess.RunAsync(["export", "--stream", "audit", "--format", "jsonl", .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var ids = JsonLines.Ids(run.Stdout);
        var expected = fixture.World.DocSpace.Data.AuditEventsBetween(Worlds.From, Worlds.To.AddSeconds(-1)).Select(r => r.AuditId).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.True(expected.SetEquals(ids), "the export differs from the simulator's audit trail of the window");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RunAsync_StreamOfAnUnconfiguredSource_ExitsTwoSayingItHasNoSettings()
    {
        var variables = Worlds.Variables(fixture.World);
        variables.Remove("DOCSPACE_URL");
        variables.Remove("DOCSPACE_TOKEN");

        var run = await InProcess.RunAsync(["compare", "--stream", "login"], variables);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stream: login is a stream of docspace, but docspace has no settings", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PageSizeOverDocSpaceLimit_ExitsTwoNamingTheSourceAndTheLimit()
    {
        var run = await InProcess.RunAsync(["export", "--page-size", "101", "--source", "docspace"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--page-size: 101 is more than docspace allows (at most 100 events a page)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PageSizeOverDocSpaceLimitWithBothSources_ExitsTwo()
    {
        await using var world = await Worlds.StartAsync(200);

        var run = await InProcess.RunAsync(["export", "--page-size", "2500", .. Worlds.Flags(world)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("more than docspace allows", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, world.DocSpace.RequestCount + world.ExaVault.RequestCount);
    }

    [Fact]
    public async Task RunAsync_PageSizeOverExaVaultLimit_ExitsTwoNamingTheLimit()
    {
        var run = await InProcess.RunAsync(["export", "--page-size", "10001", "--source", "exavault"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--page-size: 10001 is out of range; give a whole number from 1 to 10,000", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--source", "exavault")]
    [InlineData("--stream", "session")]
    public async Task Export_LargePageSizeWhenOnlyExaVaultIsRead_UsesIt(string option, string value)
    {
        await using var world = await Worlds.StartAsync(2000);

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--page-size", "2500", option, value, .. Worlds.Window, .. Worlds.Flags(world)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEmpty(run.StdoutLines);
        Assert.Equal(0, world.DocSpace.RequestCount);
        Assert.All(world.ExaVault.Requests.Snapshot(), r => Assert.Contains("limit=2500", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_MaxPagesReached_ExitsThreeNamingTheSourceAndTheLimit()
    {
        var run = await InProcess.RunAsync(
            ["export", "--format", "jsonl", "--source", "docspace", "--page-size", "10", "--max-pages", "2", .. Worlds.Window, .. Worlds.Flags(fixture.World)]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("docspace", run.StderrLines.Last(), StringComparison.Ordinal);
        Assert.Contains("Stopped after 2 pages of 10", run.StderrLines.Last(), StringComparison.Ordinal);
    }
}
