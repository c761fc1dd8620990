using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using AuditAggregator.ConsoleApp.Configuration;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary>The README's option tables say exactly what each command accepts, and its first screen stays true.</summary>
public sealed partial class ReadmeTests
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

    [Fact]
    public void Readme_OptionTables_ListExactlyTheOptionsOfEachCommand()
    {
        var documented = DocumentedOptions();
        var accepted = new ConsoleCommandLine().Commands
            .SelectMany(c => c.Command.Options
                .Where(o => o is not HelpOption and not VersionOption)
                .SelectMany(o => o.Aliases.Prepend(o.Name))
                .Select(name => $"{Name(c.Kind)} {name}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(documented);
        Assert.Empty(accepted.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(accepted).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_CommandsTable_NamesEveryCommand()
    {
        var section = Section("### Commands and options");
        foreach (var (command, kind) in new ConsoleCommandLine().Commands.Where(c => c.Kind != ConsoleCommand.Overview))
        {
            Assert.Contains($"| `{command.Name}` |", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_FirstScreen_HasTheTwoSetUpCommands()
    {
        var firstBlock = Readme.Value[..Readme.Value.IndexOf("## Layout", StringComparison.Ordinal)];
        var commands = CodeBlock().Match(firstBlock).Groups["body"].Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('#')[0].Trim())
            .ToList();

        Assert.Equal(["dotnet run --project samples/AuditAggregator.Console", "dotnet test AuditAggregator.sln"], commands);
    }

    [Fact]
    public void Readme_SourcesFileExample_IsAValidSourcesFile()
    {
        var section = Section("### Many accounts: the sources file");
        var json = JsonBlock().Match(section).Groups["body"].Value;

        var file = Hosting.AuditSourcesFile.Parse(json, "README.md", name => $"value-of-{name}");

        Assert.Equal(["acme-docspace", "globex-docspace", "acme-exavault"], file.Sources.Select(s => s.Name));
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void Readme_SourcesFileKeysTable_ListsEveryKeyTheFileTakes()
    {
        var section = Section("### Many accounts: the sources file");
        var documented = section.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => Regex.Matches(l.Split(" | ")[0], "`(?<key>[a-zA-Z]+)`").Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        string[] keys = ["name", "vendor", "url", "token", "apiKey", "accessToken", "basic", "cookie", "streams", "pageSize", "maxPages", "maxRequestsPerSecond", "maxRetryAttempts", "maxConcurrentRequests", "includeRawRecord"];
        Assert.Equal(keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            // Each documented key is one the file accepts: an unknown one would be refused naming it.
            var vendor = key is "token" or "basic" or "cookie" ? "docspace" : "exavault";
            var entry = $$"""{ "name": "a", "vendor": "{{vendor}}", "url": "https://a.example.com", "{{key}}": 1 }""";
            var error = Assert.Throws<Hosting.AuditSourcesFileException>(() => Hosting.AuditSourcesFile.Parse($$"""{ "sources": [ {{entry}} ] }""", "f.json", _ => null));
            Assert.DoesNotContain(error.Errors, e => e.Key == key && e.Description.Contains("is not a key", StringComparison.Ordinal));
        }
    }

    /// <summary>Reads "command option" pairs from every table headed "| option | commands | meaning |".</summary>
    private static HashSet<string> DocumentedOptions()
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in Section("### Commands and options").Split('\n'))
        {
            if (line.StartsWith("| option | commands |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split(" | ");
            var options = OptionInCode().Matches(cells[0]).Select(m => m.Groups["option"].Value).ToList();
            var commands = cells[1].Split(',', StringSplitOptions.TrimEntries).Select(c => c == "*(none)*" ? "(none)" : c);
            Assert.True(options.Count > 0, $"no option in README row: {line}");
            foreach (var command in commands)
            {
                foreach (var option in options)
                {
                    Assert.True(pairs.Add($"{command} {option}"), $"README lists {option} for {command} twice");
                }
            }
        }

        return pairs;
    }

    private static string Section(string heading)
    {
        var start = Readme.Value.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}'");
        var end = Readme.Value.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        return Readme.Value[start..(end < 0 ? Readme.Value.Length : end)];
    }

    private static string Name(ConsoleCommand kind) => kind == ConsoleCommand.Overview ? "(none)" : ConsoleCommandLine.NameOf(kind);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AuditAggregator.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"no AuditAggregator.sln above {AppContext.BaseDirectory}");
        return directory.FullName;
    }

    [GeneratedRegex("`(?<option>-{1,2}[a-z][a-z-]*)[^`]*`")]
    private static partial Regex OptionInCode();

    [GeneratedRegex("```bash\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("```json\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
