namespace AuditAggregator.Collector.Configuration;

/// <summary>What <c>audit-collector --help</c> prints: the two commands and every option each reads, with its default.</summary>
internal static class CollectorUsage
{
    public const string Text = """
        audit-collector: AuditAggregator's collector on an Orleans cluster, one silo per process, every event stored once in PostgreSQL.

        Usage:
          audit-collector silo --sources-file FILE --postgres CONNECTION --redis HOST:PORT [options]
          audit-collector demo [options]
          audit-collector --help

        silo: one silo of the cluster; grains on whichever silos are alive collect the sources of the sources file.
          --sources-file FILE      the accounts to collect, as the console's sources file (or AUDIT_SOURCES_FILE); read again when it changes
          --postgres CONNECTION    PostgreSQL connection string for events and checkpoints (or AUDIT_POSTGRES)
          --redis HOST:PORT        Redis for cluster membership and reminders (or AUDIT_REDIS)
          --cluster-id ID          the cluster's name (audit-collector)
          --schema NAME            the PostgreSQL schema of the tables (public)
          --silo-port N            the port silos talk on (11111)
          --gateway-port N         the port clients connect to (30000)
          --follow-interval D      how often each source is followed (1m)
          --no-follow              run requested backfills only, follow nothing
          --backfill-retry D       how soon an unfinished backfill is taken up again (10s)
          --max-jobs N             jobs running at once on this silo (16)
          --commit-every N         events per committed batch (1000)

        demo: private PostgreSQL and Redis, several silo processes, every account backfilled, one silo killed halfway;
        its last line compares the stored events with a reference read.
          --silos N                silo processes, at least 2 (3)
          --accounts N             simulated accounts (100)
          --events-per-account N   events of each simulated account (300)
          --simulators N           simulated worlds the accounts share (4)
          --sources-file FILE      real or external accounts instead of simulated ones
          --from T, --to T         the window of a sources file, ISO 8601 (the last 31 days)
          --kill-at-percent P      kill a silo when P% of the expected events are stored, 1 to 99 (50)
          --max-jobs N             jobs at once on each silo (16)
          --commit-every N         events per committed batch (50)
          --timeout D              give up after (15m)
          --dump FILE              write every stored event as JSON Lines

        Durations: a number with s, m, h or d (30s, 5m, 1h). Exit codes: 0 done (a silo: stopped by Ctrl+C or SIGTERM),
        1 a server or the cluster cannot be reached, or the demo's stored events differ from the reference, 2 a bad
        argument, 130 the demo stopped by Ctrl+C.
        """;

    /// <summary>Gets a value indicating whether the command line asks for the usage: <c>--help</c>, <c>-h</c> or <c>-?</c> anywhere, or <c>help</c> as the command.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return (args.Count > 0 && args[0] == "help") || args.Any(a => a is "--help" or "-h" or "-?");
    }
}
