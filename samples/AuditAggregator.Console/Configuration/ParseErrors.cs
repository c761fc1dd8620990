using System.CommandLine;
using System.CommandLine.Parsing;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Words for what the parser refused: an option of another command says which commands have it, an option given
/// before the command name says where it goes, a misspelt command lists the commands, a misspelt option names the
/// closest one, and a missing value names its option. The parser's other messages are kept as they are.
/// </summary>
internal static class ParseErrors
{
    public static List<string> Describe(ConsoleCommandLine cli, ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(parsed);
        var messages = new List<string>();
        var command = parsed.CommandResult.Command;
        var commandName = cli.CommandOf(parsed) == ConsoleCommand.Overview ? "audit-aggregator with no command" : ConsoleCommandLine.NameOf(cli.CommandOf(parsed));
        var unmatched = parsed.UnmatchedTokens;

        // `--from --to 2025-06-02`: the parser takes --to as the value of --from, and 2025-06-02 is left over.
        var swallowed = parsed.CommandResult.Children.OfType<OptionResult>()
            .SelectMany(r => r.Tokens.Where(t => IsOptionName(cli, t.Value)).Select(t => (r.Option, t.Value)))
            .ToList();
        foreach (var (option, value) in swallowed)
        {
            messages.Add($"{option.Name}: needs a value ({option.HelpName ?? "see --help"}) after it, not the option {value}.");
        }

        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (swallowed.Count > 0 && !token.StartsWith('-'))
            {
                // The value of the option that was taken as another option's value.
                continue;
            }

            var owners = cli.Commands.Where(c => c.Command.Options.Any(o => o.Name == token || o.Aliases.Contains(token))).ToList();
            if (owners.Count == 0 && !token.StartsWith('-') && command == cli.Root)
            {
                messages.Add($"'{token}' is not a command; the commands are export, compare, follow and simulate (none: an export with the comparison under it).");
                continue;
            }

            if (owners.Count == 0)
            {
                messages.Add($"'{token}' is not an option or argument of {commandName}.{Suggestion(command, token)}");

                // The word after an unknown option is most likely its value: one message is enough.
                if (token.StartsWith('-') && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
                {
                    i++;
                }

                continue;
            }

            messages.Add($"{token} is not an option of {commandName}; it is one of {Owners(owners.Select(o => o.Kind))}.");
            var takesValue = owners[0].Command.Options.First(o => o.Name == token || o.Aliases.Contains(token)).Arity.MaximumNumberOfValues > 0;
            if (takesValue && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
            {
                i++;
            }
        }

        if (command != cli.Root)
        {
            foreach (var given in parsed.RootCommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit))
            {
                messages.Add($"{given.Option.Name} comes before the command; write it after: audit-aggregator {command.Name} {given.Option.Name} ...");
            }
        }

        messages.AddRange(parsed.Errors
            .Where(e => !unmatched.Any(token => e.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            .Select(e => MissingValue(e) is { } option
                ? $"{option.Name}: needs a value ({option.HelpName ?? "see --help"}) after it."
                : e.Message));
        return messages;
    }

    private static bool IsOptionName(ConsoleCommandLine cli, string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && cli.Commands.Any(c => c.Command.Options.Any(o => o.Name == token || o.Aliases.Contains(token)));

    /// <summary>Gets the option whose value is missing (<c>--from</c> last, or followed by another option), if that is the error.</summary>
    private static Option? MissingValue(ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } result when result.Option.Arity.MinimumNumberOfValues > 0 => result.Option,
        ArgumentResult { Tokens.Count: 0, Parent: OptionResult result } when result.Option.Arity.MinimumNumberOfValues > 0 => result.Option,
        _ => null,
    };

    /// <summary>Gets " Did you mean --from?" for a misspelt option of the command, or nothing.</summary>
    private static string Suggestion(Command command, string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var closest = command.Options
            .Select(o => o.Name)
            .Where(name => name.StartsWith("--", StringComparison.Ordinal))
            .Select(name => (Name: name, Distance: Distance(name, token)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return closest.Name is null ? string.Empty : $" Did you mean {closest.Name}?";
    }

    /// <summary>Gets the edit distance of two words (insertions, deletions, substitutions and swaps of neighbours).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Owners(IEnumerable<ConsoleCommand> kinds)
    {
        var names = kinds.Where(k => k != ConsoleCommand.Overview).Select(ConsoleCommandLine.NameOf).ToList();
        if (names.Count == 0)
        {
            return "audit-aggregator with no command only";
        }

        var text = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return kinds.Contains(ConsoleCommand.Overview) ? $"{text} (and of audit-aggregator with no command)" : text;
    }
}
