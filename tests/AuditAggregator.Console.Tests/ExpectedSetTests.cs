using System.Diagnostics;
using AuditAggregator.ConsoleApp.Tests.Support;
using Xunit.Abstractions;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class ExpectedSetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5_000)]
    [InlineData(200_000)]
    public async Task Export_Window_EqualsTheSimulatorsExpectedSetExactlyOnce(int events)
    {
        await using var world = await Worlds.StartAsync(events);

        // A window that ends before "now" and starts mid-log, so both of its ends are exercised.
        var from = InProcess.Now.AddDays(-10).AddSeconds(17);
        var to = InProcess.Now.AddDays(-3).AddSeconds(-5);
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.jsonl");
        try
        {
            var clock = Stopwatch.StartNew();
            var run = await InProcess.RunAsync(
            [
                "export", "--format", "jsonl", "--output", file,
                "--from", from.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                "--to", to.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                .. Worlds.Flags(world),
            ]);
            clock.Stop();

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Empty(run.Stdout);
            var ids = JsonLines.Ids(await File.ReadAllTextAsync(file));
            var expected = Worlds.ExpectedIds(world, from, to);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(expected.Count, ids.Count);
            Assert.True(expected.SetEquals(ids), "the exported set differs from the simulators' expected set");
            output.WriteLine($"{events:N0} simulated, {ids.Count:N0} exported in {clock.Elapsed.TotalSeconds:0.00} s");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_FiltersByUserActionOutcomeAndSource_KeepsOnlyMatchingEvents()
    {
        await using var world = await Worlds.StartAsync();

        var run = await InProcess.RunAsync(
        [
            "export", "--format", "jsonl", .. Worlds.Window, .. Worlds.Flags(world),
            "--source", "docspace", "--action", "login", "--outcome", "failure", "--user", "bob@example.com",
        ]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = JsonLines.Parse(run.Stdout);
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal("docspace", e.GetProperty("source").GetString());
            Assert.Equal("login", e.GetProperty("action").GetString());
            Assert.Equal("failure", e.GetProperty("outcome").GetString());
            Assert.Equal("bob@example.com", e.GetProperty("actor").GetProperty("login").GetString());
        });
        Assert.Equal(0, world.ExaVault.RequestCount);
    }
}
