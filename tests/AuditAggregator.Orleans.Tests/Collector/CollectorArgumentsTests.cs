using System.Text.RegularExpressions;
using AuditAggregator.Collector;
using AuditAggregator.Collector.Configuration;
using AuditAggregator.Collector.Demo;

namespace AuditAggregator.Orleans.Tests.Collector;

/// <summary>The collector's command line: <c>--help</c> prints every option each command reads, and a typo is refused, not ignored.</summary>
public sealed partial class CollectorArgumentsTests
{
    private static readonly HashSet<string> Flags = new(["--no-follow"], StringComparer.Ordinal);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("help")]
    [InlineData("demo", "--help")]
    [InlineData("silo", "--sources-file", "s.json", "-h")]
    public void AsksForHelp_HelpAnywhere_IsTrue(params string[] args)
    {
        Assert.True(CollectorUsage.AsksForHelp(args));
    }

    [Theory]
    [InlineData]
    [InlineData("demo")]
    [InlineData("demo", "--silos", "3")]
    public void AsksForHelp_NoHelp_IsFalse(params string[] args)
    {
        Assert.False(CollectorUsage.AsksForHelp(args));
    }

    [Fact]
    public void RejectUnknown_MisspeltDemoOption_FailsNamingIt()
    {
        var arguments = CollectorArguments.Parse(["demo", "--acounts", "10", "--silos", "2"], Flags, _ => null);
        var settings = DemoSettings.Read(arguments);

        var error = Assert.Throws<CollectorException>(arguments.RejectUnknown);

        Assert.Equal(2, settings.Silos);
        Assert.Equal("--acounts is not an option of `demo`; `audit-collector --help` lists its options.", error.Message);
    }

    [Fact]
    public void RejectUnknown_DemoOptionGivenToSilo_FailsNamingIt()
    {
        var arguments = CollectorArguments.Parse(["silo", "--sources-file", "s.json", "--postgres", "Host=db", "--redis", "r:6379", "--silos", "3", "--no-follow"], Flags, _ => null);
        _ = SiloSettings.From(arguments);

        var error = Assert.Throws<CollectorException>(arguments.RejectUnknown);

        Assert.StartsWith("--silos is not an option of `silo`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("demo")]
    public void Usage_OfACommand_ListsExactlyTheOptionsItReads(string command)
    {
        var documented = DocumentedOptions(command);
        var arguments = CollectorArguments.Parse([command, .. documented.SelectMany(o => Flags.Contains(o) ? new[] { o } : [o, ValueFor(o)])], Flags, _ => null);

        if (command == "silo")
        {
            _ = SiloSettings.From(arguments);
        }
        else
        {
            _ = DemoSettings.Read(arguments);
        }

        arguments.RejectUnknown();
        Assert.Empty(arguments.Read.Except(documented).Order(StringComparer.Ordinal));
    }

    private static List<string> DocumentedOptions(string command)
    {
        var section = CollectorUsage.Text[CollectorUsage.Text.IndexOf($"\n{command}:", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n\n", StringComparison.Ordinal);
        return OptionName().Matches(section[..end]).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string ValueFor(string option) => option switch
    {
        "--from" => "2026-11-01T00:00:00Z",
        "--to" => "2026-12-01T00:00:00Z",
        "--follow-interval" or "--backfill-retry" or "--timeout" => "5m",
        "--kill-at-percent" => "50",
        _ when option.EndsWith("-port", StringComparison.Ordinal) => "12000",
        "--silos" or "--accounts" or "--events-per-account" or "--simulators" or "--max-jobs" or "--commit-every" => "3",
        _ => "x",
    };

    [GeneratedRegex(@"(?<=^ +|, )--[a-z-]+", RegexOptions.Multiline)]
    private static partial Regex OptionName();
}
