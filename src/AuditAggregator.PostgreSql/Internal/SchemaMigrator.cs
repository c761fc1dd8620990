using System.Text;
using Npgsql;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// Brings a schema to <see cref="Migrations.Latest"/> in one transaction under a transaction-scoped advisory lock, so
/// that processes starting together migrate one after the other; at the latest version it changes nothing.
/// </summary>
internal sealed class SchemaMigrator(NpgsqlDataSource dataSource, SchemaNames names, string location, TimeProvider timeProvider)
{
    /// <summary>Runs the migrations still missing.</summary>
    /// <returns>The versions applied, empty when the schema was current.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, LockKey(names.Schema)).ConfigureAwait(false);
                if (!await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", cancellationToken, names.Schema).ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"CREATE SCHEMA {names.QuotedSchema}", cancellationToken).ConfigureAwait(false);
                }

                var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (current > Migrations.Latest)
                {
                    throw new AuditCheckpointException(location, $"The schema '{names.Schema}' is at version {current}, newer than this library knows ({Migrations.Latest}); upgrade AuditAggregator.PostgreSql.");
                }

                var applied = new List<int>();
                foreach (var migration in Migrations.All.Where(m => m.Version > current))
                {
                    await ExecuteAsync(connection, migration.Sql(names), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        $"INSERT INTO {names.Versions} (version, description, applied_at) VALUES ($1, $2, $3)",
                        cancellationToken,
                        migration.Version,
                        migration.Description,
                        timeProvider.GetUtcNow()).ConfigureAwait(false);
                    applied.Add(migration.Version);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }

    private async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(connection, SchemaNames.VersionTable, cancellationToken).ConfigureAwait(false))
        {
            return await ScalarAsync<int>(connection, $"SELECT coalesce(max(version), 0) FROM {names.Versions}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in new[] { SchemaNames.EventsTable, SchemaNames.CheckpointsTable })
        {
            if (await ExistsAsync(connection, table, cancellationToken).ConfigureAwait(false))
            {
                throw new AuditCheckpointException(location, $"The schema '{names.Schema}' holds a table {table} that AuditAggregator did not create (there is no {SchemaNames.VersionTable}); name another schema.");
            }
        }

        await ExecuteAsync(connection, $"CREATE TABLE {names.Versions} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL)", cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        ScalarAsync<bool>(connection, "SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL", cancellationToken, names.Schema, table);

    /// <summary>A stable 64-bit key per schema (FNV-1a), so that migrations of different schemas do not wait for each other.</summary>
    private static long LockKey(string schema)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("AuditAggregator.PostgreSql:" + schema))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
