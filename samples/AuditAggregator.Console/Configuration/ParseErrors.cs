using System.CommandLine;
using System.CommandLine.Parsing;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Words for what the parser refused: an option of another command says which commands have it, and an option
/// given before the command name says where it goes. The parser's other messages are kept as they are.
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
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            var owners = cli.Commands.Where(c => c.Command.Options.Any(o => o.Name == token || o.Aliases.Contains(token))).ToList();
            if (owners.Count == 0)
            {
                messages.Add($"'{token}' is not an option or argument of {commandName}.");
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
            .Select(e => e.Message)
            .Where(message => !unmatched.Any(token => message.Contains($"'{token}'", StringComparison.Ordinal))));
        return messages;
    }

    private static string Owners(IEnumerable<ConsoleCommand> kinds)
    {
        var names = kinds.Where(k => k != ConsoleCommand.Overview).Select(ConsoleCommandLine.NameOf).ToList();
        var text = names.Count <= 1 ? string.Join(string.Empty, names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return kinds.Contains(ConsoleCommand.Overview) ? $"{text} (and of audit-aggregator with no command)" : text;
    }
}
