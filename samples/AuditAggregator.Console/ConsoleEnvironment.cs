namespace AuditAggregator.ConsoleApp;

/// <summary>
/// What the console knows about the world it runs in: its clock and whether its streams are terminals.
/// </summary>
/// <remarks>
/// The real process fills this from <see cref="Console"/>; tests pass their own, so that a run is reproducible
/// (a fixed clock) and the output has no colours or progress lines.
/// </remarks>
public sealed class ConsoleEnvironment
{
    /// <summary>Gets the clock that "now" (default windows, the simulators' data) comes from. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Gets a value indicating whether stdout is a terminal (colours, the terminal's width).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether stderr is a terminal (progress lines are shown only then).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>Gets the width tables are laid out for: the terminal's, or when stdout is not one, <c>COLUMNS</c> or 160.</summary>
    public int Width { get; init; } = 160;

    /// <summary>Gets the environment variables (<c>DOCSPACE_URL</c> and the like).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets an environment variable, or <see langword="null"/> when it is missing or blank.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The value, trimmed.</returns>
    public string? Variable(string name) =>
        Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
