using Spectre.Console;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Creates Spectre.Console consoles over any <see cref="TextWriter"/>: colours only for a terminal, the width the
/// environment gives (Spectre cannot measure a terminal behind a writer of our own), and no padding at line ends
/// in a file or pipe (<see cref="TidyLinesWriter"/>).
/// </summary>
internal static class SpectreConsoles
{
    /// <param name="output">Where the rendering goes.</param>
    /// <param name="environment">The width to lay out for.</param>
    /// <param name="toTerminal">Whether <paramref name="output"/> is the terminal.</param>
    /// <param name="dropBlankLines">Whether lines that show nothing are dropped (a borderless table's top and bottom).</param>
    public static IAnsiConsole Create(TextWriter output, ConsoleEnvironment environment, bool toTerminal, bool dropBlankLines = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = toTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = toTerminal ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new TidyLinesWriter(output, trimEnd: !toTerminal, dropBlankLines)),
        });
        console.Profile.Width = environment.Width;

        return console;
    }
}
