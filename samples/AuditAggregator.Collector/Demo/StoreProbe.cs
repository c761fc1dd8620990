using AuditAggregator.Checkpoints;
using AuditAggregator.Orleans;
using Npgsql;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// What the demo reads from PostgreSQL directly: stored rows, the backfill checkpoints and the server's counters.
/// </summary>
internal sealed class StoreProbe(NpgsqlDataSource dataSource, string schema)
{
    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM \"{schema}\".audit_events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
    }

    public async Task<HashSet<string>> ReadIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand($"SELECT id FROM \"{schema}\".audit_events");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Gets, per source, whether its backfill of <paramref name="window"/> is complete, and when its checkpoint was last committed.
    /// </summary>
    public async Task<Dictionary<string, BackfillProgress>> ReadBackfillsAsync(IEnumerable<string> sources, BackfillWindow window, CancellationToken cancellationToken)
    {
        var byCheckpoint = sources.ToDictionary(s => window.CheckpointName(s), s => s, StringComparer.Ordinal);
        var progress = new Dictionary<string, BackfillProgress>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand($"SELECT name, checkpoint::text, committed_at FROM \"{schema}\".audit_checkpoints WHERE name LIKE 'backfill:%'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!byCheckpoint.TryGetValue(reader.GetString(0), out var source))
            {
                continue;
            }

            var checkpoint = FollowCheckpointJson.Deserialize(reader.GetString(1)).Sources.GetValueOrDefault(source);
            var complete = checkpoint is { HasPendingWindow: false, Watermark: { } watermark } && watermark.ToDateTimeOffset() >= window.To;
            progress[source] = new BackfillProgress(complete, reader.GetFieldValue<DateTimeOffset>(2));
        }

        return progress;
    }

    /// <summary>
    /// Gets the server's committed transactions and inserted rows so far, for writes a second.
    /// </summary>
    public async Task<(long Commits, long Inserted)> ReadCountersAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT xact_commit, tup_inserted FROM pg_stat_database WHERE datname = current_database()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
