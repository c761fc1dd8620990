using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class FollowTests
{
    [Theory]
    [InlineData("jsonl")]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("ocsf")]
    [InlineData("ecs")]
    public async Task Follow_NewEventsArrive_ShowsThemAndStopsCleanlyOnCancel(string format)
    {
        // A world whose "now" is the real now, so that the follower's windows (real clock) reach its newest events.
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { TotalEventCount = 2000 });
        var stdout = new LockedWriter();
        var stderr = new LockedWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = ConsoleApp.RunAsync(
            ["follow", "--format", format, "--source", "docspace", "--poll-interval", "1", "--lag", "0", .. Worlds.Flags(world)],
            stdout,
            stderr,
            new ConsoleEnvironment(),
            stop.Token);

        await Until(() => stderr.Text.Contains("following", StringComparison.Ordinal), run);
        var appended = world.DocSpace.Data.Login.Append(3);
        var newest = world.DocSpace.Data.Login[appended - 1];
        var needle = format == "table" ? newest.Time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : newest.AuditId;
        await Until(() => stdout.Text.Contains(needle, StringComparison.Ordinal), run);
        await stop.CancelAsync();
        var exit = await run;

        Assert.True(exit == 0, stderr.Text);
        Assert.Contains("stopped", stderr.Text, StringComparison.Ordinal);
        if (format == "jsonl")
        {
            var ids = JsonLines.Ids(stdout.Text);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(newest.AuditId, ids);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("999ms")]
    public async Task Follow_PollIntervalUnderOneSecond_ExitsTwoNamingTheMinimum(string interval)
    {
        // A tight loop would cost money on ExaVault, which bills every request. Were it accepted, follow would run
        // until cancelled, and exit 0.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var run = await InProcess.RunAsync(["follow", "--poll-interval", interval], cancellationToken: stop.Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--poll-interval: {interval} is below the minimum of 1s", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Follow_WithCheckpointAndOutput_RestartsWhereItStoppedWithoutDuplicates()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { TotalEventCount = 2000 });
        var directory = Directory.CreateTempSubdirectory("audit-follow-");
        var file = Path.Combine(directory.FullName, "tail.jsonl");
        string[] args =
        [
            "follow", "--format", "jsonl", "--poll-interval", "1", "--lag", "0", "--checkpoint", Path.Combine(directory.FullName, "tail.db"),
            "--output", file, .. Worlds.Flags(world),
        ];
        try
        {
            var first = await FollowUntilAsync(args, () => ReadIds(file).Count > 0);
            Assert.Equal(0, first);
            var before = ReadIds(file);

            world.DocSpace.Data.Login.Append(2);
            var newest = world.DocSpace.Data.Login[world.DocSpace.Data.Login.Count - 1].AuditId;
            var second = await FollowUntilAsync(args, () => ReadIds(file).Contains(newest));

            Assert.Equal(0, second);
            var after = ReadIds(file);
            Assert.Equal(after.Count, after.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(before, after.Take(before.Count));
            Assert.Contains(newest, after);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<int> FollowUntilAsync(string[] args, Func<bool> condition)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = ConsoleApp.RunAsync(args, new LockedWriter(), new LockedWriter(), new ConsoleEnvironment(), stop.Token);
        await Until(condition, run);
        await stop.CancelAsync();
        return await run;
    }

    private static List<string> ReadIds(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // Only whole lines: the writer may be in the middle of one.
        return JsonLines.Ids(text[..(text.LastIndexOf('\n') + 1)]);
    }

    [Fact]
    public async Task Follow_OneOfTwoAccountsRejectsItsCredential_FollowsTheOtherAndExitsThreeNamingIt()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { TotalEventCount = 400, Accounts = 2 });
        var accounts = new Accounts().DocSpace("good-portal", world.DocSpaces[0]).DocSpace("bad-portal", world.DocSpaces[1], token: "sk-revoked-portal-key");
        var directory = Directory.CreateTempSubdirectory("audit-follow-");
        var stdout = new LockedWriter();
        var stderr = new LockedWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var run = ConsoleApp.RunAsync(
                ["follow", "--format", "jsonl", "--poll-interval", "1", "--lag", "0", "--sources-file", accounts.Write(directory.FullName)],
                stdout,
                stderr,
                new ConsoleEnvironment { Variables = accounts.Variables },
                stop.Token);

            await Until(() => stderr.Text.Contains("following", StringComparison.Ordinal), run);
            var appended = world.DocSpaces[0].Data.Login.Append(2);
            var newest = world.DocSpaces[0].Data.Login[appended - 1];
            await Until(() => stdout.Text.Contains($"good-portal:login:{newest.Id}", StringComparison.Ordinal), run);
            await Until(() => stderr.Text.Split('\n').Count(l => l.Contains("warning: bad-portal: HTTP 401", StringComparison.Ordinal)) >= 2, run);
            await stop.CancelAsync();
            var exit = await run;

            Assert.True(exit == 3, stderr.Text);
            Assert.Contains("is tried again at the next poll", stderr.Text, StringComparison.Ordinal);
            Assert.StartsWith("audit-aggregator: error: bad-portal: HTTP 401", stderr.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("bad-portal:", stdout.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("sk-revoked-portal-key", stderr.Text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task Until(Func<bool> condition, Task<int> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.False(run.IsCompleted, "follow ended early");
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for follow");
            await Task.Delay(50);
        }
    }
}
