using AuditAggregator.PrivateServers;
using Npgsql;

namespace AuditAggregator.PostgreSql.Tests.Support;

/// <summary>
/// One private PostgreSQL server for the whole test assembly; each test works in a schema of its own.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PrivatePostgreSqlServer? _server;
    private int _schemas;

    public PrivatePostgreSqlServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await PrivatePostgreSqlServer.StartAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Gets a schema name no test used before.</summary>
    public string NewSchema() => $"t{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}"[..20];

    public PostgreSqlAuditOptions Options(string? schema = null) => new()
    {
        ConnectionString = Server.ConnectionString,
        Schema = schema ?? NewSchema(),
    };

    public PostgreSqlAuditDatabase Database(string? schema = null, TimeProvider? timeProvider = null) => new(Options(schema), timeProvider);

    /// <summary>Runs SQL as the superuser outside any store.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task<long> CountAsync(string schema, string table = "audit_events") =>
        (long)(await ScalarAsync($"SELECT count(*) FROM \"{schema}\".{table}"))!;
}
