namespace AuditAggregator.Collector.Configuration;

/// <summary>
/// What one silo process needs: the sources file, PostgreSQL, Redis, its ports and the collector's schedule.
/// </summary>
internal sealed record SiloSettings
{
    public const string SourcesFileVariable = "AUDIT_SOURCES_FILE";
    public const string PostgresVariable = "AUDIT_POSTGRES";
    public const string RedisVariable = "AUDIT_REDIS";

    public required string SourcesFile { get; init; }

    public required string PostgresConnectionString { get; init; }

    public required string RedisEndpoint { get; init; }

    public string ClusterId { get; init; } = "audit-collector";

    public string Schema { get; init; } = "public";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public bool Follow { get; init; } = true;

    public TimeSpan FollowInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan BackfillRetry { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxJobs { get; init; } = 16;

    public int CommitEvery { get; init; } = 1000;

    public static SiloSettings From(CollectorArguments arguments) => new()
    {
        SourcesFile = arguments.Required("--sources-file", SourcesFileVariable),
        PostgresConnectionString = arguments.Required("--postgres", PostgresVariable),
        RedisEndpoint = arguments.Required("--redis", RedisVariable),
        ClusterId = arguments.Text("--cluster-id") ?? "audit-collector",
        Schema = arguments.Text("--schema") ?? "public",
        SiloPort = arguments.Integer("--silo-port", 11111, minimum: 1),
        GatewayPort = arguments.Integer("--gateway-port", 30000, minimum: 1),
        Follow = !arguments.Has("--no-follow"),
        FollowInterval = arguments.Duration("--follow-interval", TimeSpan.FromMinutes(1)),
        BackfillRetry = arguments.Duration("--backfill-retry", TimeSpan.FromSeconds(10)),
        MaxJobs = arguments.Integer("--max-jobs", 16, minimum: 1),
        CommitEvery = arguments.Integer("--commit-every", 1000, minimum: 1),
    };
}
