using AuditAggregator.Collector.Configuration;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// What the demo runs: how many silos and accounts, how big each simulated account is, when to kill a silo, and
/// optionally real accounts from a sources file and a dump of the stored events.
/// </summary>
internal sealed record DemoSettings
{
    public int Silos { get; init; } = 3;

    public int Accounts { get; init; } = 100;

    public int EventsPerAccount { get; init; } = 300;

    public int Simulators { get; init; } = 4;

    public double KillAt { get; init; } = 0.5;

    public int MaxJobs { get; init; } = 16;

    public int CommitEvery { get; init; } = 50;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);

    public string? SourcesFile { get; init; }

    public string? DumpFile { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public static DemoSettings Read(CollectorArguments arguments)
    {
        var settings = new DemoSettings
        {
            Silos = arguments.Integer("--silos", 3, minimum: 2),
            Accounts = arguments.Integer("--accounts", 100, minimum: 1),
            EventsPerAccount = arguments.Integer("--events-per-account", 300, minimum: 1),
            Simulators = arguments.Integer("--simulators", 4, minimum: 1),
            MaxJobs = arguments.Integer("--max-jobs", 16, minimum: 1),
            CommitEvery = arguments.Integer("--commit-every", 50, minimum: 1),
            Timeout = arguments.Duration("--timeout", TimeSpan.FromMinutes(15)),
            SourcesFile = arguments.Text("--sources-file"),
            DumpFile = arguments.Text("--dump"),
            From = Instant(arguments, "--from"),
            To = Instant(arguments, "--to"),
        };
        var killAt = arguments.Integer("--kill-at-percent", 50, minimum: 1);
        return killAt >= 100
            ? throw new CollectorException("Option --kill-at-percent takes 1 to 99: the share of the expected events stored when a silo is killed.")
            : settings with { KillAt = killAt / 100.0 };
    }

    private static DateTimeOffset? Instant(CollectorArguments arguments, string name)
    {
        var text = arguments.Text(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new CollectorException($"Option {name} takes an ISO 8601 time such as 2026-11-01T00:00:00Z, not '{text}'.");
    }
}
