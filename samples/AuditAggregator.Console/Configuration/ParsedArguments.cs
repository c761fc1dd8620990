using System.CommandLine;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// The values of the options of the command that was parsed, looked up by name. An option the command does not have
/// reads as absent: the parser has already refused it if it was given.
/// </summary>
internal sealed class ParsedArguments(ParseResult result)
{
    private readonly Command _command = result.CommandResult.Command;

    /// <summary>Gets the text of a single-valued option, trimmed, or <see langword="null"/> when absent or blank.</summary>
    public string? Text(string name) =>
        Find(name) is Option<string?> option ? SettingsReader.Blank(result.GetValue(option)) : null;

    /// <summary>Gets the values of a repeatable option, each split at commas.</summary>
    public IReadOnlyList<string> Values(string name) =>
        Find(name) is Option<string[]> option
            ? [.. (result.GetValue(option) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : [];

    /// <summary>Gets a value indicating whether a flag was given.</summary>
    public bool Flag(string name) => Find(name) is Option<bool> option && result.GetValue(option);

    private Option? Find(string name) => _command.Options.FirstOrDefault(o => o.Name == name);
}
