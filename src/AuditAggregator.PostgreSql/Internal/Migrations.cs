namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// The schema's versions, oldest first. A released migration never changes: a change of the schema is a new entry.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "audit_events and audit_checkpoints", names => $"""
            CREATE TABLE {names.Events} (
                id text PRIMARY KEY,
                source text NOT NULL,
                vendor text NOT NULL,
                stream text NOT NULL,
                source_id text NOT NULL,
                "time" timestamptz NOT NULL,
                time_offset integer,
                category text NOT NULL,
                action text NOT NULL,
                outcome text NOT NULL,
                actor_id text,
                actor_name text,
                actor_login text,
                ip text,
                user_agent text,
                location text,
                resource text,
                vendor_action text NOT NULL,
                vendor_action_name text,
                details jsonb NOT NULL
            );
            CREATE INDEX audit_events_time ON {names.Events} ("time");
            CREATE INDEX audit_events_source_time ON {names.Events} (source, "time");
            CREATE INDEX audit_events_actor_time ON {names.Events} (actor_login, "time");
            CREATE TABLE {names.Checkpoints} (
                name text PRIMARY KEY,
                checkpoint jsonb NOT NULL,
                committed_at timestamptz NOT NULL
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
