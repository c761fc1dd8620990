using System.CommandLine;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// The command line: no command (an export, with the comparison under a table), <c>export</c>, <c>compare</c>,
/// <c>follow</c> and <c>simulate</c>, each with only the options that apply to it (<see cref="ConsoleOptions"/>).
/// Values are read as text and checked by <see cref="SettingsReader"/>, so every message names its option and says
/// what is expected in words.
/// </summary>
internal sealed class ConsoleCommandLine
{
    public ConsoleCommandLine()
    {
        Root = new RootCommand(
            "Reads the audit logs of ONLYOFFICE DocSpace and ExaVault as one merged, newest-first feed, and compares them. "
            + "With no credentials it runs against built-in simulators. With no command: an export, and as a table the comparison under it.");
        Export = new Command("export", "A one-shot merged read of the window. With --checkpoint, resumable and incremental.");
        Compare = new Command("compare", "Compares the sources over the window: counts per source, and per person logins, failures, addresses, first and last seen.");
        Follow = new Command("follow", "Tails the merged feed, polling the sources, until Ctrl+C; with --checkpoint it resumes where it stopped.");
        Simulate = new Command(
            "simulate",
            "Serves the DocSpace and ExaVault simulators until Ctrl+C, and prints their addresses and credentials, so that "
            + "the console (or any other tool) can be pointed at them from another shell.");
        foreach (var (command, kind) in Commands)
        {
            foreach (var option in ConsoleOptions.For(kind))
            {
                command.Options.Add(option);
            }

            if (command != Root)
            {
                Root.Subcommands.Add(command);
            }
        }
    }

    public RootCommand Root { get; }

    public Command Export { get; }

    public Command Compare { get; }

    public Command Follow { get; }

    public Command Simulate { get; }

    /// <summary>Gets every command with what it does, the root (no command) first.</summary>
    public IEnumerable<(Command Command, ConsoleCommand Kind)> Commands =>
    [
        (Root, ConsoleCommand.Overview),
        (Export, ConsoleCommand.Export),
        (Compare, ConsoleCommand.Compare),
        (Follow, ConsoleCommand.Follow),
        (Simulate, ConsoleCommand.Simulate),
    ];

    /// <summary>Gets what the parsed command line asks for.</summary>
    public ConsoleCommand CommandOf(ParseResult result) =>
        Commands.First(c => c.Command == result.CommandResult.Command).Kind;

    /// <summary>Gets the command that <paramref name="kind"/> runs.</summary>
    public Command CommandFor(ConsoleCommand kind) => Commands.First(c => c.Kind == kind).Command;

    /// <summary>Gets the name of a command as the user types it: <c>export</c>, or "no command" for the root.</summary>
    public static string NameOf(ConsoleCommand kind) => kind switch
    {
        ConsoleCommand.Export => "export",
        ConsoleCommand.Compare => "compare",
        ConsoleCommand.Follow => "follow",
        ConsoleCommand.Simulate => "simulate",
        _ => "no command",
    };
}
