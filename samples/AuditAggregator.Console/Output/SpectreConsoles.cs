using Spectre.Console;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Creates Spectre.Console consoles over any <see cref="TextWriter"/>: colours only for a terminal, and the width the
/// environment gives (Spectre cannot measure a terminal behind a writer of our own).
/// </summary>
internal static class SpectreConsoles
{
    public static IAnsiConsole Create(TextWriter output, ConsoleEnvironment environment, bool toTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = toTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = toTerminal ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = environment.Width;

        return console;
    }
}
