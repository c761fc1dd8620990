using System.Text.Json;
using AuditAggregator.Checkpoints;
using AuditAggregator.PostgreSql.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace AuditAggregator.PostgreSql;

/// <summary>
/// The events and the checkpoint of one collector (or one source) in a <see cref="PostgreSqlAuditDatabase"/>:
/// <see cref="WriteAsync"/> keeps events in memory, and <see cref="CommitAsync"/> inserts them into
/// <c>audit_events</c> and replaces the checkpoint in one transaction.
/// </summary>
/// <remarks>
/// <para>Used with an <see cref="AuditCollector"/>, the follower's commit points are the batches, and a crash at any
/// point loses and repeats nothing: the events written since the last commit are read again after a restart. An
/// event whose id is stored already is ignored (<c>ON CONFLICT DO NOTHING</c>).</para>
/// <para>A commit that fails keeps its events for the next one. One writer per checkpoint name at a time; an
/// instance is not for concurrent use. Create it with <see cref="PostgreSqlAuditDatabase.CreateStore"/>.</para>
/// <para>Times are kept to the microsecond (<c>timestamptz</c>). <c>details</c> is <c>jsonb</c>, which reformats
/// nested JSON: such values read back equal in meaning, compacted, with PostgreSQL's key order. PostgreSQL text
/// cannot hold U+0000; it is stored as U+FFFD.</para>
/// </remarks>
public sealed class PostgreSqlAuditStore : IAuditEventStore
{
    private readonly PostgreSqlAuditDatabase _database;
    private readonly List<AuditEvent> _pending = [];

    internal PostgreSqlAuditStore(PostgreSqlAuditDatabase database, string checkpointName)
    {
        _database = database;
        CheckpointName = checkpointName;
        Location = $"'{checkpointName}' in {database.Location}";
    }

    /// <summary>
    /// Gets the name the checkpoint is kept under.
    /// </summary>
    public string CheckpointName { get; }

    /// <summary>
    /// Gets the checkpoint's place for messages: its name, host, database and schema.
    /// </summary>
    public string Location { get; }

    /// <summary>
    /// Gets the number of events written since the last successful commit.
    /// </summary>
    public int PendingCount => _pending.Count;

    /// <summary>
    /// Gets the number of events this instance's commits inserted as new rows.
    /// </summary>
    public long StoredCount { get; private set; }

    /// <summary>
    /// Gets the number of events this instance's commits ignored because their id was stored already: a repeat
    /// delivery, which a collector that resumes from its checkpoint never makes.
    /// </summary>
    public long RepeatedCount { get; private set; }

    /// <inheritdoc/>
    /// <remarks>The event is kept in memory until the next <see cref="CommitAsync"/>.</remarks>
    public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        cancellationToken.ThrowIfCancellationRequested();
        _pending.Add(auditEvent);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask<FollowCheckpoint?> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var body = await StoreErrors.GuardAsync(Location, "cannot load the checkpoint", () => ReadBodyAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        try
        {
            return FollowCheckpointJson.Deserialize(body);
        }
        catch (JsonException ex)
        {
            throw new AuditCheckpointException(Location, $"The stored checkpoint is corrupt and cannot be read; delete its row in {SchemaNames.CheckpointsTable} to start again from zero on purpose.", ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Inserts the events written since the last commit and replaces the checkpoint, in one transaction.</remarks>
    public async ValueTask CommitAsync(FollowCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var body = FollowCheckpointJson.Serialize(checkpoint);
        await _database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var batch = _pending.ToArray();
        var inserted = await StoreErrors.GuardAsync(
            Location,
            $"cannot commit {batch.Length:N0} events with the checkpoint; they are kept for the next commit",
            () => CommitBatchAsync(batch, body, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        _pending.RemoveRange(0, batch.Length);
        StoredCount += inserted;
        RepeatedCount += batch.Length - inserted;
        if (_database.Logger.IsEnabled(LogLevel.Debug))
        {
            _database.Logger.LogDebug("Committed {Inserted} events ({Ignored} stored already) with checkpoint {Checkpoint}", inserted, batch.Length - inserted, CheckpointName);
        }
    }

    private async Task<string?> ReadBodyAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand($"SELECT checkpoint::text FROM {_database.Names.Checkpoints} WHERE name = $1", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = CheckpointName });
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            }
        }
    }

    private async Task<int> CommitBatchAsync(AuditEvent[] batch, string body, CancellationToken cancellationToken)
    {
        var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var inserted = batch.Length == 0 ? 0 : await _database.Writer.InsertAsync(connection, _database.Names, batch, cancellationToken).ConfigureAwait(false);
                var command = new NpgsqlCommand(
                    $"""
                    INSERT INTO {_database.Names.Checkpoints} (name, checkpoint, committed_at) VALUES ($1, $2, $3)
                    ON CONFLICT (name) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, committed_at = EXCLUDED.committed_at
                    """,
                    connection);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = CheckpointName });
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = body });
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = _database.TimeProvider.GetUtcNow() });
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return inserted;
            }
        }
    }
}
