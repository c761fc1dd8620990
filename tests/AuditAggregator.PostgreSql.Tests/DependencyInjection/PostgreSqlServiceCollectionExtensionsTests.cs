using AuditAggregator.Checkpoints;
using AuditAggregator.PostgreSql.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditAggregator.PostgreSql.Tests.DependencyInjection;

[Collection(SharedServer.Name)]
public sealed class PostgreSqlServiceCollectionExtensionsTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task AddPostgreSqlAuditStore_OneStoreBehindEveryInterface_CommitsUnderItsName()
    {
        var schema = fixture.NewSchema();
        var services = new ServiceCollection().AddPostgreSqlAuditStore(o =>
        {
            o.ConnectionString = fixture.Server.ConnectionString;
            o.Schema = schema;
            o.CheckpointName = "acme";
        });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<PostgreSqlAuditStore>();
        Assert.Same(store, provider.GetRequiredService<IAuditEventStore>());
        Assert.Same(store, provider.GetRequiredService<ICheckpointStore>());
        Assert.Same(store, provider.GetRequiredService<IAuditEventSink>());
        await provider.GetRequiredService<IAuditEventSink>().WriteAsync(Events.Login(1));
        await provider.GetRequiredService<ICheckpointStore>().CommitAsync(TestCheckpoints.Empty);

        Assert.Equal("acme", await fixture.ScalarAsync($"SELECT name FROM \"{schema}\".audit_checkpoints"));
        Assert.Equal(1, await fixture.CountAsync(schema));
    }

    [Fact]
    public void AddPostgreSqlAuditStore_NoConnectionString_FailsValidation()
    {
        using var provider = new ServiceCollection().AddPostgreSqlAuditStore(_ => { }).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlAuditOptions>>().Value);

        Assert.Contains("ConnectionString is required", ex.Message, StringComparison.Ordinal);
    }
}
