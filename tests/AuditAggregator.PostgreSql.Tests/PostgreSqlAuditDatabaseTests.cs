using System.Net;
using System.Net.Sockets;
using AuditAggregator.PostgreSql.Tests.Support;

namespace AuditAggregator.PostgreSql.Tests;

[Collection(SharedServer.Name)]
public sealed class PostgreSqlAuditDatabaseTests(PostgreSqlFixture fixture)
{
    private const string SecretPassword = "Sup3r-S3cret-Pa55word";

    [Fact]
    public async Task MigrateAsync_NewSchema_CreatesTablesIndexesAndVersion()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);

        await database.MigrateAsync();

        Assert.Equal(1L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{schema}\".audit_schema_version WHERE version = 1"));
        Assert.Equal(PostgreSqlAuditDatabase.SchemaVersion, await fixture.ScalarAsync($"SELECT max(version) FROM \"{schema}\".audit_schema_version"));
        Assert.Equal("jsonb", await fixture.ScalarAsync($"SELECT data_type FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'audit_events' AND column_name = 'details'"));
        var indexes = (string)(await fixture.ScalarAsync($"SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '{schema}' AND tablename = 'audit_events'"))!;
        Assert.Equal("audit_events_actor_time,audit_events_pkey,audit_events_source_time,audit_events_time", indexes);
    }

    [Fact]
    public async Task MigrateAsync_SecondStart_ChangesNothing()
    {
        var schema = fixture.NewSchema();
        await using (var first = fixture.Database(schema))
        {
            var store = first.CreateStore("collector");
            await store.WriteAsync(Events.Login(1));
            await store.CommitAsync(TestCheckpoints.Empty);
        }

        var before = await StateAsync(schema);
        await using (var second = fixture.Database(schema))
        {
            await second.MigrateAsync();
        }

        Assert.Equal(before, await StateAsync(schema));
        Assert.Equal(1, await fixture.CountAsync(schema));
    }

    [Fact]
    public async Task MigrateAsync_FourProcessesStartTogether_AllSucceedAndMigrateOnce()
    {
        var schema = fixture.NewSchema();
        var databases = Enumerable.Range(0, 4).Select(_ => fixture.Database(schema)).ToList();

        await Task.WhenAll(databases.Select(d => d.MigrateAsync()));

        Assert.Equal(1L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{schema}\".audit_schema_version"));
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_SchemaHoldsSomebodyElsesAuditEvents_FailsAndTouchesNothing()
    {
        var schema = fixture.NewSchema();
        await fixture.ScalarAsync($"CREATE SCHEMA \"{schema}\"; CREATE TABLE \"{schema}\".audit_events (id int)");
        await using var database = fixture.Database(schema);

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => database.MigrateAsync());

        Assert.Contains("did not create", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"schema {schema}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.ScalarAsync($"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'audit_schema_version'"));
    }

    [Fact]
    public async Task MigrateAsync_SchemaOfANewerVersion_FailsClearly()
    {
        var schema = fixture.NewSchema();
        await using (var database = fixture.Database(schema))
        {
            await database.MigrateAsync();
        }

        await fixture.ScalarAsync($"INSERT INTO \"{schema}\".audit_schema_version VALUES (99, 'from the future', now())");
        await using var later = fixture.Database(schema);

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => later.MigrateAsync());

        Assert.Contains("version 99, newer than this library knows (1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_ServerDown_NamesTheHostAndCauseButNotThePassword()
    {
        var port = UnusedPort();
        await using var database = new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=collector;Password={SecretPassword};Database=audit;Timeout=3",
        });

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => database.MigrateAsync());

        Assert.StartsWith($"Checkpoint PostgreSQL 127.0.0.1:{port}/audit, schema public: cannot create or migrate the schema:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPassword, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_WrongPassword_SaysTheLoginWasRefusedWithoutEitherPassword()
    {
        await using var database = new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions { ConnectionString = fixture.Server.ConnectionStringWith(SecretPassword) });

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => database.CreateStore("collector").LoadAsync().AsTask());

        Assert.Contains("refused the login", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{fixture.Server.Port}/postgres", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPassword, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Password, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConnectionStringDoesNotParse_FailsWithoutQuotingIt()
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions { ConnectionString = $"Host=db;Password={SecretPassword};Frobnicate=yes" }));

        Assert.Contains("ConnectionString does not parse", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPassword, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drop table")]
    [InlineData("x\"; DROP SCHEMA public; --")]
    [InlineData("1abc")]
    public void Constructor_SchemaNotAPlainIdentifier_Refused(string schema)
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions { ConnectionString = "Host=db", Schema = schema }));

        Assert.Contains("PostgreSqlAuditOptions.Schema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadEventsAsync_WindowSourceAndActor_ReturnsTheMatchingEventsNewestFirst()
    {
        await using var database = fixture.Database();
        var store = database.CreateStore("collector");
        foreach (var item in Events.Logins(10).Concat([Events.Login(3, "exavault")]))
        {
            await store.WriteAsync(item);
        }

        await store.CommitAsync(TestCheckpoints.Empty);
        var query = AuditQuery.Between(Events.Login(8).Time, Events.Login(2).Time) with { Sources = ["docspace"] };

        var read = await database.ReadEventsAsync(query).Select(e => e.Id).ToListAsync();
        var byActor = await database.ReadEventsAsync(AuditQuery.All with { Actors = ["USER5@example.com"] }).Select(e => e.Id).ToListAsync();

        Assert.Equal(["docspace:login:3", "docspace:login:4", "docspace:login:5", "docspace:login:6", "docspace:login:7", "docspace:login:8"], read);
        Assert.Equal(["docspace:login:5"], byActor);
    }

    private async Task<string> StateAsync(string schema) => (string)(await fixture.ScalarAsync($"""
        SELECT string_agg(format('%s %s %s', v.version, v.applied_at, v.xmin), ';')
            || ' ' || (SELECT string_agg(c.oid::text, ',' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}')
        FROM "{schema}".audit_schema_version v
        """))!;

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
