using System.CommandLine;
using System.Globalization;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Turns a parsed command line and the environment into checked <see cref="ConsoleSettings"/>; every problem is a
/// <see cref="BadArgumentException"/> that names the option or variable.
/// </summary>
internal sealed class SettingsReader(ConsoleCommandLine cli, ConsoleEnvironment environment)
{
    private static readonly Duration DefaultWindow = Duration.FromDays(7);

    private static readonly string[] SourceNames = ["docspace", "exavault"];

    private static readonly string[] StreamNames = ["login", "session", "webhook"];

    public ConsoleSettings Read(ParseResult result)
    {
        var command = CommandOf(result);
        var format = ReadFormat(result.GetValue(cli.Format), command);
        var (from, to) = ReadWindow(result);
        var checkpoint = Blank(result.GetValue(cli.Checkpoint));
        if (checkpoint is not null && command == ConsoleCommand.Compare)
        {
            throw new BadArgumentException("--checkpoint", "only export and follow keep a checkpoint.");
        }

        var identityMap = Blank(result.GetValue(cli.IdentityMap)) is { } mapPath
            ? IdentityMapFile.Load(mapPath)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        var settings = new ConsoleSettings
        {
            Command = command,
            From = from,
            To = to,
            FromGiven = Blank(result.GetValue(cli.From)) is not null,
            ToGiven = Blank(result.GetValue(cli.To)) is not null,
            Sources = ReadNames("--source", result.GetValue(cli.Source), SourceNames),
            Streams = ReadNames("--stream", result.GetValue(cli.Stream), StreamNames),
            User = Blank(result.GetValue(cli.User)),
            Action = ReadAction(result.GetValue(cli.Action)),
            Outcome = ReadOutcome(result.GetValue(cli.Outcome)),
            Format = format,
            OutputPath = Blank(result.GetValue(cli.Output)),
            CheckpointPath = checkpoint,
            Simulate = result.GetValue(cli.Simulate),
            SimulateForced = result.GetValue(cli.Simulate),
            SimulatorEvents = Range("--simulator-events", result.GetValue(cli.SimulatorEvents), 0, 10_000_000) ?? 5000,
            IdentityMap = identityMap,
            PageSize = Range("--page-size", result.GetValue(cli.PageSize), 1, 10_000),
            CommitEvery = Range("--commit-every", result.GetValue(cli.CommitEvery), 1, int.MaxValue) ?? 1000,
            PollInterval = Seconds("--poll-interval", result.GetValue(cli.PollInterval)),
            Lag = Seconds("--lag", result.GetValue(cli.Lag)),
        };
        return new SourceSettingsReader(cli, environment).Read(result, settings);
    }

    public Instant Now()
    {
        var now = environment.Clock.GetUtcNow();
        return Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }

    private ConsoleCommand CommandOf(ParseResult result)
    {
        var command = result.CommandResult.Command;
        return command == cli.Export ? ConsoleCommand.Export
            : command == cli.Compare ? ConsoleCommand.Compare
            : command == cli.Follow ? ConsoleCommand.Follow
            : ConsoleCommand.Overview;
    }

    private static OutputFormat ReadFormat(string? text, ConsoleCommand command)
    {
        text = Blank(text);
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
            _ => throw new BadArgumentException("--format", $"'{text}' is not a format; use table, jsonl, csv, ocsf or ecs (compare: table, json or jsonl)."),
        };

        if (command == ConsoleCommand.Compare && format is not (OutputFormat.Table or OutputFormat.Json or OutputFormat.Jsonl))
        {
            throw new BadArgumentException("--format", $"compare writes a report, not events: use table, json or jsonl, not '{text}'.");
        }

        if (command != ConsoleCommand.Compare && format == OutputFormat.Json)
        {
            throw new BadArgumentException("--format", "events are written one per line: use jsonl (json is the comparison's format).");
        }

        return format;
    }

    private (Instant From, Instant To) ReadWindow(ParseResult result)
    {
        var fromText = Blank(result.GetValue(cli.From));
        var toText = Blank(result.GetValue(cli.To));
        var to = toText is null ? Now() : TimeArgument.Parse("--to", toText, isEnd: true);
        var from = fromText is null ? to - DefaultWindow : TimeArgument.Parse("--from", fromText, isEnd: false);
        if (from >= to)
        {
            throw new BadArgumentException("--from", $"the window starts ({from}) at or after its end ({to}).");
        }

        return (from, to);
    }

    private static List<string> ReadNames(string option, string[]? values, string[] allowed)
    {
        var names = new List<string>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
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
        text = Blank(text);
        if (text is null)
        {
            return null;
        }

        var action = text.ToLowerInvariant();
        if (!AuditActions.All.ContainsKey(action))
        {
            throw new BadArgumentException("--action", $"'{text}' is not a normalized action; one of: {string.Join(", ", AuditActions.All.Keys.Order(StringComparer.Ordinal))}.");
        }

        return action;
    }

    private static AuditOutcome? ReadOutcome(string? text)
    {
        return Blank(text)?.ToLowerInvariant() switch
        {
            null => null,
            "success" => AuditOutcome.Success,
            "failure" => AuditOutcome.Failure,
            "unknown" => AuditOutcome.Unknown,
            _ => throw new BadArgumentException("--outcome", $"'{text}' is not one of success, failure, unknown."),
        };
    }

    private static int? Range(string option, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new BadArgumentException(option, string.Create(CultureInfo.InvariantCulture, $"{v} is out of range {min:N0} to {max:N0}."));
        }

        return value;
    }

    private static TimeSpan? Seconds(string option, double? value)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0 || v > TimeSpan.FromDays(1).TotalSeconds))
        {
            throw new BadArgumentException(option, "give a number of seconds from 0 to 86400.");
        }

        return value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
