using NodaTime;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Turns the parsed options of a reading command (no command, <c>export</c>, <c>compare</c>, <c>follow</c>) and the
/// environment into checked <see cref="ConsoleSettings"/>; every problem is a <see cref="BadArgumentException"/> that
/// names the option or variable.
/// </summary>
internal sealed class SettingsReader(ConsoleEnvironment environment)
{
    private static readonly Duration DefaultWindow = Duration.FromDays(7);

    private static readonly string[] StreamNames = ["login", "audit", "session", "webhook"];

    public ConsoleSettings Read(ConsoleCommand command, ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var format = ReadFormat(args.Text(ConsoleOptions.Format), command);
        var (from, to) = ReadWindow(args);
        var checkpoint = ArgumentValues.FileToWrite(ConsoleOptions.Checkpoint, args.Text(ConsoleOptions.Checkpoint));
        var notes = new List<string>();
        var settings = new ConsoleSettings
        {
            Command = command,
            From = from,
            To = to,
            FromGiven = args.Text(ConsoleOptions.From) is not null,
            ToGiven = args.Text(ConsoleOptions.To) is not null,
            Sources = ReadSelectors(args.Values(ConsoleOptions.Source)),
            Streams = ReadNames(ConsoleOptions.Stream, args.Values(ConsoleOptions.Stream), StreamNames),
            User = args.Text(ConsoleOptions.User),
            Action = ReadAction(args.Text(ConsoleOptions.Action)),
            Outcome = ReadOutcome(args.Text(ConsoleOptions.Outcome)),
            Format = format,
            OutputPath = args.Text(ConsoleOptions.Output) is "-" ? null : ArgumentValues.FileToWrite(ConsoleOptions.Output, args.Text(ConsoleOptions.Output)),
            CheckpointPath = checkpoint,
            Simulate = args.Flag(ConsoleOptions.Simulate),
            SimulateForced = args.Flag(ConsoleOptions.Simulate),
            SimulatorEvents = ArgumentValues.WholeNumber(ConsoleOptions.SimulatorEvents, args.Text(ConsoleOptions.SimulatorEvents), 0, 10_000_000) ?? 5000,
            SimulatorAccounts = ArgumentValues.WholeNumber(ConsoleOptions.SimulatorAccounts, args.Text(ConsoleOptions.SimulatorAccounts), 1, 100) ?? 1,
            IdentityMap = ReadIdentityMap(command, args, format, notes),
            PageSize = ArgumentValues.WholeNumber(ConsoleOptions.PageSize, args.Text(ConsoleOptions.PageSize), 1, ExaVault.ExaVaultOptions.MaxPageSize),
            MaxPages = ArgumentValues.WholeNumber(ConsoleOptions.MaxPages, args.Text(ConsoleOptions.MaxPages), 1, int.MaxValue),
            CommitEvery = OnlyWithCheckpoint(ConsoleOptions.CommitEvery, checkpoint, ArgumentValues.WholeNumber(ConsoleOptions.CommitEvery, args.Text(ConsoleOptions.CommitEvery), 1, int.MaxValue)) ?? 1000,
            PollInterval = ArgumentValues.Duration(ConsoleOptions.PollInterval, args.Text(ConsoleOptions.PollInterval), ConsoleOptions.MinPollInterval, TimeSpan.FromDays(1)),
            Lag = command == ConsoleCommand.Follow
                ? ArgumentValues.Duration(ConsoleOptions.Lag, args.Text(ConsoleOptions.Lag), TimeSpan.Zero, TimeSpan.FromDays(1))
                : OnlyWithCheckpoint(ConsoleOptions.Lag, checkpoint, ArgumentValues.Duration(ConsoleOptions.Lag, args.Text(ConsoleOptions.Lag), TimeSpan.Zero, TimeSpan.FromDays(1))),
            Notes = notes,
        };
        settings = new SourceSettingsReader(environment).Read(args, settings);
        if (!settings.Simulate && args.Text(ConsoleOptions.SimulatorEvents) is not null)
        {
            throw new BadArgumentException(ConsoleOptions.SimulatorEvents, "sizes the simulators' data, but real services are configured; add --simulate to use the simulators.");
        }

        if (!settings.Simulate && args.Text(ConsoleOptions.SimulatorAccounts) is not null)
        {
            throw new BadArgumentException(ConsoleOptions.SimulatorAccounts, "sets how many simulated accounts run, but real services are configured; add --simulate to use the simulators.");
        }

        SourceSelection.Check(settings);
        return settings;
    }

    public Instant Now()
    {
        var now = environment.Clock.GetUtcNow();
        return Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }

    private static OutputFormat ReadFormat(string? text, ConsoleCommand command)
    {
        if (text is null)
        {
            return OutputFormat.Table;
        }

        var format = text.ToLowerInvariant() switch
        {
            "table" => OutputFormat.Table,
            "jsonl" => OutputFormat.Jsonl,
            "csv" => OutputFormat.Csv,
            "ocsf" => OutputFormat.Ocsf,
            "ecs" => OutputFormat.Ecs,
            "json" => OutputFormat.Json,
            _ => throw new BadArgumentException(ConsoleOptions.Format, command == ConsoleCommand.Compare
                ? $"'{text}' is not a format; compare writes table, json or jsonl."
                : $"'{text}' is not a format; use table, jsonl, csv, ocsf or ecs."),
        };

        if (command == ConsoleCommand.Compare && format is not (OutputFormat.Table or OutputFormat.Json or OutputFormat.Jsonl))
        {
            throw new BadArgumentException(ConsoleOptions.Format, $"compare writes a report, not events: use table, json or jsonl, not '{text}'.");
        }

        if (command != ConsoleCommand.Compare && format == OutputFormat.Json)
        {
            throw new BadArgumentException(ConsoleOptions.Format, "events are written one per line: use jsonl (json is the comparison's format).");
        }

        return format;
    }

    private (Instant From, Instant To) ReadWindow(ParsedArguments args)
    {
        var fromText = args.Text(ConsoleOptions.From);
        var toText = args.Text(ConsoleOptions.To);
        var to = toText is null ? Now() : TimeArgument.Parse(ConsoleOptions.To, toText, isEnd: true);
        var from = fromText is null ? to - DefaultWindow : TimeArgument.Parse(ConsoleOptions.From, fromText, isEnd: false);
        if (from >= to)
        {
            var end = toText is null ? "now, as no --to is given"
                : TimeArgument.IsDate(toText) ? $"the end of --to {toText.Trim()}, whose whole day is included"
                : $"--to {toText.Trim()}";
            throw new BadArgumentException(ConsoleOptions.From, $"the window starts ({from}) at or after its end ({to}, {end}); give a --from before it.");
        }

        return (from, to);
    }

    private static IReadOnlyDictionary<string, string> ReadIdentityMap(ConsoleCommand command, ParsedArguments args, OutputFormat format, List<string> notes)
    {
        if (args.Text(ConsoleOptions.IdentityMap) is not { } path)
        {
            return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        if (command == ConsoleCommand.Overview && (format != OutputFormat.Table || args.Text(ConsoleOptions.Output) is not null || args.Text(ConsoleOptions.Checkpoint) is not null))
        {
            throw new BadArgumentException(ConsoleOptions.IdentityMap, "joins people in the comparison, which with no command is shown only under a table on stdout (no --format other than table, no --output, no --checkpoint); use compare --identity-map for a report of its own.");
        }

        return IdentityMapFile.Load(path, notes);
    }

    private static T? OnlyWithCheckpoint<T>(string option, string? checkpoint, T? value)
        where T : struct
    {
        if (value is not null && checkpoint is null)
        {
            throw new BadArgumentException(option, option == ConsoleOptions.CommitEvery
                ? "commits progress to a checkpoint, so it needs --checkpoint FILE."
                : "ends a resumable export's window behind now, so it needs --checkpoint FILE (without one, the window ends at --to, default now).");
        }

        return value;
    }

    /// <summary>Reads the <c>--source</c> selectors; whether each names a source or a vendor is checked once the sources are known.</summary>
    private static List<string> ReadSelectors(IReadOnlyList<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = value.ToLowerInvariant();
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static List<string> ReadNames(string option, IReadOnlyList<string> values, string[] allowed)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = value.ToLowerInvariant();
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new BadArgumentException(option, $"'{value}' is not one of {string.Join(", ", allowed)}.");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string? ReadAction(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var action = text.ToLowerInvariant();
        if (!AuditActions.All.ContainsKey(action))
        {
            throw new BadArgumentException(ConsoleOptions.Action, $"'{text}' is not a normalized action; one of: {string.Join(", ", AuditActions.All.Keys.Order(StringComparer.Ordinal))}.");
        }

        return action;
    }

    private static AuditOutcome? ReadOutcome(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "success" => AuditOutcome.Success,
        "failure" => AuditOutcome.Failure,
        "unknown" => AuditOutcome.Unknown,
        _ => throw new BadArgumentException(ConsoleOptions.Outcome, $"'{text}' is not one of success, failure, unknown."),
    };

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
