using Npgsql;

namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// A PostgreSQL session advisory lock on one source, held while a job reads it: a second reader of the same
/// account, wherever it runs, waits. The lock dies with its connection, so a killed silo releases it at once.
/// </summary>
internal sealed class SourceLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private SourceLease(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Takes the lock, or returns <see langword="null"/> when another session holds it.
    /// </summary>
    public static async Task<SourceLease?> TryAcquireAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    return new SourceLease(connection);
                }
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Releases the lock by closing its session (the data source does not pool).
    /// </summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
