using System.CommandLine;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.ConsoleApp.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary>Each command accepts only its own options, and every value that does not parse is refused in words.</summary>
public sealed class OptionTests
{
    /// <summary>For each option that reads a typed value: a value that does not parse, and what the message must say.</summary>
    private static readonly Dictionary<string, (string Bad, string Expected)> TypedValues = new(StringComparer.Ordinal)
    {
        ["--from"] = ("yesterday-ish", "ISO date"),
        ["--to"] = ("noon", "ISO date"),
        ["--source"] = ("sharepoint", "docspace, exavault"),
        ["--stream"] = ("files", "login, audit, session, webhook"),
        ["--action"] = ("loginn", "normalized action"),
        ["--outcome"] = ("maybe", "success, failure, unknown"),
        ["--format"] = ("xml", "is not a format"),
        ["--commit-every"] = ("abc", "whole number"),
        ["--lag"] = ("soon", "a duration"),
        ["--poll-interval"] = ("often", "a duration"),
        ["--page-size"] = ("abc", "whole number"),
        ["--max-pages"] = ("lots", "whole number"),
        ["--simulator-events"] = ("many", "whole number"),
        ["--simulator-accounts"] = ("several", "whole number"),
        ["--sources-file"] = ("no-such-sources.json", "does not exist"),
        ["--identity-map"] = ("no-such-map.json", "does not exist"),
        ["--docspace-url"] = ("portal", "absolute http(s) address"),
        ["--exavault-url"] = ("account", "absolute http(s) address"),
        ["--docspace-port"] = ("http", "whole number"),
        ["--exavault-port"] = ("70000", "whole number from 0 to 65,535"),
        ["--simulator-latency"] = ("slow", "a duration"),
        ["--fault-rate"] = ("half", "a number from 0 to 1"),
        ["--faults"] = ("teapot", "is not a fault"),
        ["--append-every"] = ("often", "a duration"),
    };

    /// <summary>Options whose value is free text (a name, a path, a secret): nothing to parse.</summary>
    private static readonly string[] FreeText =
    [
        "--user", "--output", "--checkpoint", "--docspace-token", "--exavault-api-key", "--exavault-access-token",
    ];

    public static TheoryData<string, string> EveryValueOption() => Options(typedOnly: false);

    public static TheoryData<string, string> EveryTypedOption() => Options(typedOnly: true);

    [Fact]
    public async Task RunAsync_PageSizeNotANumber_SaysAWholeNumberNotATypeName()
    {
        var run = await InProcess.RunAsync(["export", "--page-size", "abc"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--page-size: 'abc' is not a whole number", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryTypedOption))]
    public async Task RunAsync_ValueThatDoesNotParse_ExitsTwoSayingWhatIsExpected(string command, string option)
    {
        var (bad, expected) = TypedValues[option];
        var run = await InProcess.RunAsync([.. Command(command), option, bad]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [MemberData(nameof(EveryValueOption))]
    public async Task RunAsync_ValueMissing_ExitsTwoNamingTheOption(string command, string option)
    {
        var run = await InProcess.RunAsync([.. Command(command), option]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryValueOption_IsTypedOrFreeText()
    {
        var options = EveryValueOption().Select(row => (string)row[1]).Distinct().ToList();

        Assert.All(options, option => Assert.True(
            TypedValues.ContainsKey(option) ^ FreeText.Contains(option),
            $"{option}: add a value that does not parse to TypedValues, or list it as FreeText"));
        Assert.Empty(TypedValues.Keys.Concat(FreeText).Except(options));
    }

    [Theory]
    [InlineData("export", "--identity-map")]
    [InlineData("export", "--poll-interval")]
    [InlineData("compare", "--checkpoint")]
    [InlineData("compare", "--commit-every")]
    [InlineData("compare", "--lag")]
    [InlineData("follow", "--to")]
    [InlineData("follow", "--identity-map")]
    [InlineData("simulate", "--from")]
    [InlineData("simulate", "--docspace-url")]
    public async Task RunAsync_OptionOfAnotherCommand_ExitsTwoSayingWhichCommandsHaveIt(string command, string option)
    {
        var run = await InProcess.RunAsync([command, option, "value"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{option} is not an option of {command}; it is one of ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'value'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"audit-aggregator {command} --help", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "--poll-interval", "--simulator-latency", "--docspace-port")]
    [InlineData("export", "--identity-map", "--poll-interval", "--fault-rate")]
    [InlineData("compare", "--checkpoint", "--commit-every", "--lag")]
    [InlineData("follow", "--to ", "--identity-map", "--append-every")]
    [InlineData("simulate", "--from", "--format", "--docspace-url")]
    public async Task Help_OfACommand_ListsNoneOfTheOptionsOfOthers(string command, string first, string second, string third)
    {
        var run = await InProcess.RunAsync([.. Command(command), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(first, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(second, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(third, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_EveryOption_HasADescription()
    {
        foreach (var (command, _) in new ConsoleCommandLine().Commands)
        {
            foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption))
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{command.Name} {option.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task Follow_NoFrom_StartsTheHourBeforeNowAsItsHelpSays()
    {
        var help = await InProcess.RunAsync(["follow", "--help"]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stderr = new LockedWriter();
        var run = ConsoleApp.RunAsync(
            ["follow", "--format", "jsonl", "--simulator-events", "100"],
            TextWriter.Null,
            stderr,
            new ConsoleEnvironment { Clock = new FakeTimeProvider(InProcess.Now) },
            stop.Token);
        while (!stderr.Text.Contains("following", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);

        Assert.Contains("Default one hour before now", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("from 2025-06-02T11:00:00Z", stderr.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionBeforeTheCommand_ExitsTwoSayingWhereItGoes()
    {
        var run = await InProcess.RunAsync(["--format", "jsonl", "export"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format comes before the command; write it after: audit-aggregator export --format", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export", "--commit-every", "10")]
    [InlineData("export", "--lag", "5s")]
    [InlineData("", "--commit-every", "10")]
    [InlineData("follow", "--commit-every", "10")]
    public async Task RunAsync_CheckpointOptionWithoutCheckpoint_ExitsTwoAskingForIt(string command, string option, string value)
    {
        // Were it accepted, follow would run until cancelled.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var run = await InProcess.RunAsync([.. Command(command), option, value], cancellationToken: stop.Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("needs --checkpoint FILE", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "jsonl")]
    [InlineData("--output", "report.txt")]
    public async Task RunAsync_IdentityMapWithNoCommandAndNoComparison_ExitsTwo(string option, string value)
    {
        var run = await InProcess.RunAsync(["--identity-map", "people.json", option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--identity-map: joins people in the comparison", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SimulatorEventsWithRealServices_ExitsTwoSuggestingSimulate()
    {
        var run = await InProcess.RunAsync(
            ["export", "--simulator-events", "100"],
            new Dictionary<string, string> { ["DOCSPACE_URL"] = "https://portal.example.com", ["DOCSPACE_TOKEN"] = "sk-example" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--simulator-events: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--simulate", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--checkpoint")]
    public async Task Export_FileOptionIsADirectory_ExitsTwoSayingSoBeforeStarting(string option)
    {
        var directory = Directory.CreateTempSubdirectory("audit-dir-");
        try
        {
            var run = await InProcess.RunAsync(["export", option, directory.FullName]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"audit-aggregator: error: {option}: '{directory.FullName}' is a directory; give the path of a file.", run.StderrLines.Single());
        }
        finally
        {
            directory.Delete();
        }
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--checkpoint")]
    public async Task Export_FileOptionInAMissingDirectory_ExitsTwoNamingTheDirectory(string option)
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "file");

        var run = await InProcess.RunAsync(["export", option, path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: '{path}': the directory '{Path.GetDirectoryName(path)}' does not exist.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FlagGivenAValue_ExitsTwo()
    {
        var run = await InProcess.RunAsync(["export", "--simulate", "false"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'false'", run.Stderr, StringComparison.Ordinal);
    }

    private static string[] Command(string command) => command.Length == 0 ? [] : [command];

    private static TheoryData<string, string> Options(bool typedOnly)
    {
        var data = new TheoryData<string, string>();
        foreach (var (command, kind) in new ConsoleCommandLine().Commands)
        {
            foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0 && !(typedOnly && FreeText.Contains(o.Name))))
            {
                data.Add(kind == ConsoleCommand.Overview ? string.Empty : command.Name, option.Name);
            }
        }

        return data;
    }
}
