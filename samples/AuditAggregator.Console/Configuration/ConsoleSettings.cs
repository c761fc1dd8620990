using NodaTime;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Everything one run needs, read from the command line and the environment and checked: a run never starts with a
/// setting it would fail on later.
/// </summary>
internal sealed record ConsoleSettings
{
    public ConsoleCommand Command { get; init; }

    /// <summary>Gets the start of the window, included.</summary>
    public Instant From { get; init; }

    /// <summary>Gets the end of the window, excluded.</summary>
    public Instant To { get; init; }

    /// <summary>Gets a value indicating whether <c>--from</c> was given (follow starts an hour back otherwise).</summary>
    public bool FromGiven { get; init; }

    /// <summary>Gets a value indicating whether <c>--to</c> was given (a resumable export ends at "now - lag" otherwise).</summary>
    public bool ToGiven { get; init; }

    /// <summary>Gets the <c>--source</c> selectors: source names or vendors.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Streams { get; init; } = [];

    public string? User { get; init; }

    public string? Action { get; init; }

    public AuditOutcome? Outcome { get; init; }

    public OutputFormat Format { get; init; }

    public string? OutputPath { get; init; }

    public string? CheckpointPath { get; init; }

    public bool Simulate { get; init; }

    /// <summary>Gets a value indicating whether --simulate was given (rather than no credentials at all).</summary>
    public bool SimulateForced { get; init; }

    public int SimulatorEvents { get; init; } = 5000;

    public IReadOnlyDictionary<string, string> IdentityMap { get; init; } = new Dictionary<string, string>();

    public int? PageSize { get; init; }

    /// <summary>Gets the page limit of one read of one log, or <see langword="null"/> for none (the default).</summary>
    public int? MaxPages { get; init; }

    public int CommitEvery { get; init; } = 1000;

    public TimeSpan? PollInterval { get; init; }

    public TimeSpan? Lag { get; init; }

    /// <summary>Gets the number of simulated accounts of each vendor (<c>--simulator-accounts</c>).</summary>
    public int SimulatorAccounts { get; init; } = 1;

    /// <summary>
    /// Gets the real accounts configured: from the sources file, or the one-account shortcut (<c>docspace</c>,
    /// <c>exavault</c>). Empty with the simulators.
    /// </summary>
    public IReadOnlyList<Hosting.AuditSourceDefinition> Accounts { get; init; } = [];

    /// <summary>Gets the sources file the accounts came from, or <see langword="null"/> for the one-account shortcut.</summary>
    public string? SourcesFile { get; init; }

    /// <summary>Gets the warnings found while reading the settings, printed on stderr before the run starts.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets the read's filter over the whole window; <see cref="Sources"/> chose the sources already (by name or vendor).</summary>
    public AuditQuery Query => new()
    {
        From = From,
        To = To,
        Streams = Streams.Count == 0 ? null : Streams,
        Actors = User is null ? null : [User],
        Actions = Action is null ? null : [Action],
        Outcome = Outcome,
    };
}
