using System.Globalization;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.ConsoleApp.Sources;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>What every command gets: the settings, the sources, the streams and the environment.</summary>
internal sealed record CommandContext(ConsoleSettings Settings, SourceSet Sources, TextWriter Stdout, TextWriter Stderr, ConsoleEnvironment Environment)
{
    /// <summary>Gets a value indicating whether the data goes to the terminal (then progress lines would garble it).</summary>
    public bool DataToTerminal => Settings.OutputPath is null && Environment.StdoutIsTerminal;

    /// <summary>Gets the sources that failed while the others carried on.</summary>
    public SourceFailures Failures { get; } = new();

    /// <summary>Gets a value indicating whether the simulators are the sources.</summary>
    public bool Simulated => Sources.Simulators is not null;

    /// <summary>
    /// Gets the identity map of the comparison: <c>--identity-map</c>, or with the simulators and no file, the
    /// simulated directory of every account (each person's DocSpace id and e-mail mapped to their ExaVault username).
    /// </summary>
    public IReadOnlyDictionary<string, string> IdentityMap
    {
        get
        {
            if (Settings.IdentityMap.Count > 0 || !Simulated)
            {
                return Settings.IdentityMap;
            }

            // Every simulated account's people: the same person may work in several accounts (the consultant).
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var people = Sources.Simulators!.DocSpaces.SelectMany(d => d.Options.Users);
            foreach (var user in people.Where(u => u.InDocSpace && u.InExaVault))
            {
                map[user.Email] = user.ExaVaultUsername!;
                map[user.DocSpaceUserId!.Value.ToString()] = user.ExaVaultUsername!;
            }

            return map;
        }
    }

    /// <summary>Gets where <see cref="IdentityMap"/> came from, for the report.</summary>
    public string IdentityNote =>
        Settings.IdentityMap.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"--identity-map ({Settings.IdentityMap.Count} entries)")
        : Simulated ? "the simulators' directory as identity map"
        : "no identity map";

    /// <summary>Creates the progress reporter: live on stderr only when stderr is a terminal and the data does not go there.</summary>
    public ProgressReporter Progress(bool dataOnStdout) =>
        new(Stderr, live: Environment.StderrIsTerminal && !(dataOnStdout && DataToTerminal));

    /// <summary>Opens the output for a one-shot write: the file named by --output (started afresh), or stdout.</summary>
    public OutputTarget OpenFreshOutput()
    {
        if (Settings.OutputPath is not { } path)
        {
            return OutputTarget.Stdout(Stdout, Environment.StdoutIsTerminal);
        }

        try
        {
            return OutputTarget.OpenFile(path, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadArgumentException("--output", $"cannot write '{path}': {ex.Message}", ex);
        }
    }
}
