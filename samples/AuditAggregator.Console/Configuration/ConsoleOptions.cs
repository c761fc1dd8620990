using System.CommandLine;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// The options of each command, with the defaults they really have. A command is given a fresh instance of each of
/// its options, so that <c>--help</c> lists only those and the parser refuses the rest.
/// </summary>
internal static class ConsoleOptions
{
    public const string From = "--from";
    public const string To = "--to";
    public const string Source = "--source";
    public const string Stream = "--stream";
    public const string User = "--user";
    public const string Action = "--action";
    public const string Outcome = "--outcome";
    public const string Format = "--format";
    public const string Output = "--output";
    public const string Checkpoint = "--checkpoint";
    public const string CommitEvery = "--commit-every";
    public const string Lag = "--lag";
    public const string PollInterval = "--poll-interval";
    public const string IdentityMap = "--identity-map";
    public const string PageSize = "--page-size";
    public const string MaxPages = "--max-pages";
    public const string Simulate = "--simulate";
    public const string SimulatorEvents = "--simulator-events";
    public const string SimulatorAccounts = "--simulator-accounts";
    public const string SourcesFile = "--sources-file";
    public const string DocSpaceUrl = "--docspace-url";
    public const string DocSpaceToken = "--docspace-token";
    public const string ExaVaultUrl = "--exavault-url";
    public const string ExaVaultApiKey = "--exavault-api-key";
    public const string ExaVaultAccessToken = "--exavault-access-token";
    public const string DocSpacePort = "--docspace-port";
    public const string ExaVaultPort = "--exavault-port";
    public const string SimulatorLatency = "--simulator-latency";
    public const string FaultRate = "--fault-rate";
    public const string Faults = "--faults";
    public const string AppendEvery = "--append-every";

    /// <summary>The shortest pause <c>follow</c> accepts between polls: ExaVault bills every request.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Creates the options of <paramref name="command"/>, in the order <c>--help</c> lists them.</summary>
    public static IEnumerable<Option> For(ConsoleCommand command) =>
        command == ConsoleCommand.Simulate ? SimulatorOptions() : ReadingOptions(command);

    private static IEnumerable<Option> ReadingOptions(ConsoleCommand command)
    {
        var follow = command == ConsoleCommand.Follow;
        var compare = command == ConsoleCommand.Compare;
        yield return Text(From, "date|instant", follow
            ? "Where the tail starts: an ISO date (2025-06-01, from midnight UTC) or instant (2025-06-01T09:00:00Z). Default one hour before now; with a --checkpoint that has progress, where it stopped."
            : "Start of the window: an ISO date (2025-06-01, from midnight UTC) or instant (2025-06-01T09:00:00Z, 2025-06-01T12:00:00+03:00). Default 7 days before --to.");
        if (!follow)
        {
            yield return Text(To, "date|instant", compare
                ? "End of the window, excluded: an ISO instant, or a date (that whole day included). Default now."
                : "End of the window, excluded: an ISO instant, or a date (that whole day included). Default now (with --checkpoint: now minus --lag).");
        }

        yield return List(Source, "name|vendor", "Read only this source, by name (docspace, exavault, or a name from --sources-file) or by vendor (docspace, exavault: every source of it). Repeatable, or comma-separated. Default all.");
        yield return List(Stream, "login|audit|session|webhook", "Read only this stream: login or audit (docspace), session or webhook (exavault). Repeatable, or comma-separated. Default all.");
        yield return Text(User, "person", "Keep events of this person: a DocSpace user id, name or login, or an ExaVault username.");
        yield return Text(Action, "action", "Keep events with this normalized action, e.g. login, upload, share-create.");
        yield return Text(Outcome, "outcome", "Keep events with this outcome: success, failure or unknown.");
        yield return Text(Format, "format", compare
            ? "table (default), json (one indented document) or jsonl (the same on one line)."
            : "table (default), jsonl, csv, ocsf or ecs.", "-f");
        yield return Text(Output, "file", "Write the data to this file instead of stdout (- is stdout).", "-o");
        if (!compare)
        {
            yield return Text(Checkpoint, "file", follow
                ? "Keep progress in this SQLite file: a restart resumes where the last run stopped. Exactly once needs --output too."
                : "Keep progress in this SQLite file: a killed export resumes, a finished one continues incrementally. Exactly once needs --output too.");
            yield return Text(CommitEvery, "n", "With --checkpoint: commit progress (and flush the output) every N events. Default 1000.");
            yield return Text(Lag, "duration", follow
                ? "How far behind now each poll's window ends, as vendors show events late: 30 (seconds), 500ms, 2m. Default 60s (0 with the simulators)."
                : "With --checkpoint: how far behind now the window ends when --to is not given: 30 (seconds), 500ms, 2m. Default 60s (0 with the simulators).");
        }

        if (follow)
        {
            yield return Text(PollInterval, "duration", "Pause between polls, at least 1s (ExaVault bills every request): 30 (seconds), 1.5s, 5m. Default 30s (5s with the simulators).");
        }

        if (compare || command == ConsoleCommand.Overview)
        {
            yield return Text(IdentityMap, "file", compare
                ? "A JSON file mapping DocSpace user ids or logins to ExaVault usernames, to join people across sources."
                : "For the comparison under the table: a JSON file mapping DocSpace user ids or logins to ExaVault usernames.");
        }

        yield return Text(PageSize, "n", $"Events per request: docspace at most {DocSpace.DocSpaceOptions.MaxPageSize}, exavault at most {ExaVault.ExaVaultOptions.MaxPageSize:N0}. Default each source's own ({DocSpace.DocSpaceOptions.MaxPageSize} and {ExaVault.ExaVaultOptions.DefaultPageSize:N0}).");
        yield return Text(MaxPages, "n", "Fail a read of one log that needs more than N pages (a cap on requests). Default no limit; a server that loops is detected without one.");
        yield return Flag(Simulate, "Use the built-in simulators even when credentials are configured.");
        yield return Text(SimulatorEvents, "n", "With the simulators: the size of their data set, over 30 days, per account. Default 5000.");
        yield return Text(SimulatorAccounts, "n", "With the simulators: how many DocSpace portals and ExaVault accounts, each with its own people and credentials (docspace-1, exavault-1, ...). Default 1 (docspace, exavault).");
        yield return Text(SourcesFile, "file", "A JSON file of named sources, any number per vendor, secrets as ${VARIABLE} (or AUDIT_SOURCES_FILE); the --docspace-* and --exavault-* options are the one-account shortcut.");
        yield return Text(DocSpaceUrl, "url", "DocSpace portal address (or DOCSPACE_URL).");
        yield return Text(DocSpaceToken, "token", "DocSpace API key sk-... or access token (or DOCSPACE_TOKEN).");
        yield return Text(ExaVaultUrl, "url", "ExaVault account address, https://{account}.exavault.com (or EXAVAULT_URL).");
        yield return Text(ExaVaultApiKey, "key", "ExaVault API key (or EXAVAULT_API_KEY).");
        yield return Text(ExaVaultAccessToken, "token", "ExaVault access token (or EXAVAULT_ACCESS_TOKEN).");
    }

    private static IEnumerable<Option> SimulatorOptions()
    {
        yield return Text(DocSpacePort, "port", "The DocSpace simulator's port on 127.0.0.1. Default 0: a free port, printed.");
        yield return Text(ExaVaultPort, "port", "The ExaVault simulator's port on 127.0.0.1. Default 0: a free port, printed.");
        yield return Text(SimulatorEvents, "n", "The size of the data set, over the 30 days before now, per account. Default 5000.");
        yield return Text(SimulatorAccounts, "n", "How many DocSpace portals and ExaVault accounts to serve, each with its own people and credentials; stdout then has DOCSPACE_1_URL and the like. Default 1.");
        yield return Text(SimulatorLatency, "duration", "A delay before every answer: 50ms, 1.5s, 2 (seconds). Default 0.");
        yield return Text(FaultRate, "fraction", "The share of requests, 0 to 1, answered with a fault from --faults. Default 0.");
        yield return List(Faults, "fault", "The faults to draw from: 429, 500 to 599, drop, truncate, slow; 429:5s sets Retry-After, slow:10s the delay. Repeatable, or comma-separated. Default 503,429.");
        yield return Text(AppendEvery, "duration", "Add a few new events to each log this often, so that follow has something to show; 0 adds none. Default 5s.");
    }

    private static Option<string?> Text(string name, string helpName, string description, params string[] aliases) =>
        new(name, aliases) { HelpName = helpName, Description = description };

    private static Option<string[]> List(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Arity = ArgumentArity.OneOrMore };

    private static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };
}
