using System.CommandLine;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// The command line: three commands (<c>export</c>, the default; <c>compare</c>; <c>follow</c>) sharing one set of
/// options. Values are read as text and checked by <see cref="SettingsReader"/>, so every message names its option.
/// </summary>
internal sealed class ConsoleCommandLine
{
    public ConsoleCommandLine()
    {
        Root = new RootCommand(
            "Reads the audit logs of ONLYOFFICE DocSpace and ExaVault as one merged, newest-first feed, and compares them. "
            + "With no credentials it runs against built-in simulators.");
        foreach (var option in AllOptions)
        {
            option.Recursive = true;
            Root.Options.Add(option);
        }

        Export = new Command("export", "A one-shot merged read of the window (the default command). With --checkpoint, resumable and incremental.");
        Compare = new Command("compare", "Compares the sources over the window: counts per source, and per person logins, failures, addresses, first and last seen.");
        Follow = new Command("follow", "Tails the merged feed, polling the sources, until Ctrl+C; with --checkpoint it resumes where it stopped.");
        Root.Subcommands.Add(Export);
        Root.Subcommands.Add(Compare);
        Root.Subcommands.Add(Follow);
    }

    public RootCommand Root { get; }

    public Command Export { get; }

    public Command Compare { get; }

    public Command Follow { get; }

    public Option<string?> From { get; } = new("--from") { Description = "Start of the window: an ISO date (2025-06-01, from midnight UTC) or instant (2025-06-01T09:00:00Z, 2025-06-01T12:00:00+03:00). Default 7 days before --to." };

    public Option<string?> To { get; } = new("--to") { Description = "End of the window, excluded: an ISO instant, or a date (that whole day included). Default now." };

    public Option<string[]> Source { get; } = new("--source") { Description = "Read only this source: docspace or exavault. Repeatable." };

    public Option<string[]> Stream { get; } = new("--stream") { Description = "Read only this stream: login (DocSpace), session or webhook (ExaVault). Repeatable." };

    public Option<string?> User { get; } = new("--user") { Description = "Keep events of this person: a DocSpace user id, name or login, or an ExaVault username." };

    public Option<string?> Action { get; } = new("--action") { Description = "Keep events with this normalized action, e.g. login, upload, share-create." };

    public Option<string?> Outcome { get; } = new("--outcome") { Description = "Keep events with this outcome: success, failure or unknown." };

    public Option<string?> Format { get; } = new("--format", "-f") { Description = "table (default), jsonl, csv, ocsf or ecs; compare: table, json or jsonl." };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the data to this file instead of stdout." };

    public Option<string?> Checkpoint { get; } = new("--checkpoint") { Description = "export and follow: keep progress in this SQLite file and resume from it. Exactly once needs --output too." };

    public Option<bool> Simulate { get; } = new("--simulate") { Description = "Use the built-in simulators even when credentials are configured." };

    public Option<int?> SimulatorEvents { get; } = new("--simulator-events") { Description = "Size of the simulated data set (over 30 days). Default 5000." };

    public Option<string?> IdentityMap { get; } = new("--identity-map") { Description = "compare: a JSON file mapping DocSpace user ids or logins to ExaVault usernames." };

    public Option<int?> PageSize { get; } = new("--page-size") { Description = "Events per request (DocSpace at most 100, ExaVault at most 10000). Default: each adapter's own." };

    public Option<int?> CommitEvery { get; } = new("--commit-every") { Description = "With --checkpoint: commit progress every N events written. Default 1000." };

    public Option<double?> PollInterval { get; } = new("--poll-interval") { Description = "follow: seconds between polls. Default 30 (5 with the simulators)." };

    public Option<double?> Lag { get; } = new("--lag") { Description = "follow and resumable export: seconds behind now a window ends, as vendors show events late. Default 60 (0 with the simulators)." };

    public Option<string?> DocSpaceUrl { get; } = new("--docspace-url") { Description = "DocSpace portal address (or DOCSPACE_URL)." };

    public Option<string?> DocSpaceToken { get; } = new("--docspace-token") { Description = "DocSpace API key sk-... or access token (or DOCSPACE_TOKEN)." };

    public Option<string?> ExaVaultUrl { get; } = new("--exavault-url") { Description = "ExaVault account address, https://{account}.exavault.com (or EXAVAULT_URL)." };

    public Option<string?> ExaVaultApiKey { get; } = new("--exavault-api-key") { Description = "ExaVault API key (or EXAVAULT_API_KEY)." };

    public Option<string?> ExaVaultAccessToken { get; } = new("--exavault-access-token") { Description = "ExaVault access token (or EXAVAULT_ACCESS_TOKEN)." };

    private IEnumerable<Option> AllOptions =>
    [
        From, To, Source, Stream, User, Action, Outcome, Format, Output, Checkpoint, Simulate, SimulatorEvents,
        IdentityMap, PageSize, CommitEvery, PollInterval, Lag, DocSpaceUrl, DocSpaceToken, ExaVaultUrl, ExaVaultApiKey,
        ExaVaultAccessToken,
    ];
}
