using System.Globalization;
using System.Text.Json;
using AuditAggregator.Checkpoints;
using Microsoft.Data.Sqlite;

namespace AuditAggregator.Sqlite;

/// <summary>
/// Keeps a collector's checkpoint in one SQLite file, replaced in one transaction per commit.
/// </summary>
/// <remarks>
/// The file carries a format marker; a file that is not SQLite, or a SQLite file of something else, or a checkpoint
/// that does not parse, gets an <see cref="AuditCheckpointException"/> and is never overwritten or silently restarted.
/// </remarks>
public sealed class SqliteCheckpointStore : ICheckpointStore
{
    /// <summary>
    /// The format marker stored in the file.
    /// </summary>
    public const string Format = "AuditAggregator.Checkpoint/1";

    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;
    private bool _initialized;

    /// <summary>
    /// Initializes a new instance of the <see cref="SqliteCheckpointStore"/> class.
    /// </summary>
    /// <param name="path">The file; created when missing.</param>
    /// <param name="timeProvider">The clock for commit times, or <see langword="null"/> for the system clock.</param>
    public SqliteCheckpointStore(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }

    /// <inheritdoc/>
    public async ValueTask<FollowCheckpoint?> LoadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM checkpoint WHERE id = 1";
        var body = await Guard(() => command.ExecuteScalarAsync(cancellationToken)).ConfigureAwait(false) as string;
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
            throw new AuditCheckpointException(_path, "The stored checkpoint is corrupt and cannot be read; move the file away to start again from zero on purpose.", ex);
        }
    }

    /// <inheritdoc/>
    public async ValueTask CommitAsync(FollowCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var body = FollowCheckpointJson.Serialize(checkpoint);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO checkpoint (id, body, committed_at) VALUES (1, $body, $at)";
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$at", _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await Guard(() => command.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
        transaction.Commit();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await Guard(async () =>
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (!_initialized)
                {
                    await InitializeAsync(connection, cancellationToken).ConfigureAwait(false);
                    _initialized = true;
                }

                return 0;
            }).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, committed_at TEXT NOT NULL);
                INSERT INTO meta (key, value) VALUES ('format', $format);
                """;
            command.Parameters.AddWithValue("$format", Format);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        string? format = null;
        if (tables.Contains("meta") && tables.Contains("checkpoint"))
        {
            command.CommandText = "SELECT value FROM meta WHERE key = 'format'";
            format = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }

        if (format != Format)
        {
            throw new AuditCheckpointException(
                _path,
                format is null
                    ? "The file is a SQLite database of something else, not an AuditAggregator checkpoint; name another file."
                    : $"The file is a checkpoint of format '{format}', which this version does not read (expected '{Format}').");
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            throw new AuditCheckpointException(_path, "The file is not a readable SQLite database (corrupt, or not a checkpoint); move it away or name another file.", ex);
        }
        catch (SqliteException ex)
        {
            throw new AuditCheckpointException(_path, $"SQLite failed: {ex.Message}", ex);
        }
    }
}
