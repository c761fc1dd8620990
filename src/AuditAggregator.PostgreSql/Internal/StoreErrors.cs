using System.Net.Sockets;
using Npgsql;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// Turns what Npgsql throws into an <see cref="AuditCheckpointException"/> that names the store and the cause.
/// </summary>
/// <remarks>
/// Npgsql's messages name the host and the user, never the password; the connection string itself is never quoted.
/// </remarks>
internal static class StoreErrors
{
    public static bool IsStoreFailure(Exception ex) => ex is NpgsqlException or TimeoutException or SocketException;

    /// <summary>Runs <paramref name="action"/>, turning a store failure into an <see cref="AuditCheckpointException"/>; cancellation passes.</summary>
    public static async Task<T> GuardAsync<T>(string location, string doing, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw Wrap(location, doing, ex);
        }
    }

    public static AuditCheckpointException Wrap(string location, string doing, Exception ex) =>
        new(location, $"{doing}: {Describe(ex)}", ex);

    public static string Describe(Exception ex) => ex switch
    {
        PostgresException { SqlState: "28P01" or "28000" } pg =>
            $"the server refused the login ({pg.MessageText}); check the user name and the password of the connection string",
        PostgresException { SqlState: "3D000" } pg => $"{pg.MessageText}; create the database or name another one",
        PostgresException { SqlState: "42501" } pg => $"{pg.MessageText}; grant the user the rights on the schema, or name another schema",
        PostgresException { SqlState: "57P01" } pg => $"the server ended the connection ({pg.MessageText})",
        PostgresException { SqlState: "57P02" or "57P03" } pg => $"the server is shutting down or starting ({pg.MessageText}); try again later",
        PostgresException pg => $"the server answered {pg.SqlState}: {pg.MessageText}",
        NpgsqlException { InnerException: SocketException socket } npgsql =>
            $"{npgsql.Message} ({socket.SocketErrorCode}); check that the server runs and the Host and Port of the connection string",
        NpgsqlException { InnerException: TimeoutException } npgsql => $"{npgsql.Message} (timed out); check the network and the server's load",
        NpgsqlException { InnerException: EndOfStreamException or IOException } npgsql => $"{npgsql.Message}: the connection was lost",
        _ => ex.Message,
    };
}
