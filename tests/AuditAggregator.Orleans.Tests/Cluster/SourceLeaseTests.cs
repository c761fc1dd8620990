using AuditAggregator.Orleans.Internal;
using AuditAggregator.Orleans.Tests.Support;
using Npgsql;

namespace AuditAggregator.Orleans.Tests.Cluster;

/// <summary>
/// The lease on a source, on the cluster's real PostgreSQL server.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class SourceLeaseTests(ClusterFixture cluster)
{
    [Fact]
    public async Task TryAcquireAsync_HeldElsewhere_IsNullUntilReleased()
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString);
        var first = await SourceLease.TryAcquireAsync(dataSource, "test:lease-1", CancellationToken.None);
        Assert.NotNull(first);

        Assert.Null(await SourceLease.TryAcquireAsync(dataSource, "test:lease-1", CancellationToken.None));
        await using (var other = await SourceLease.TryAcquireAsync(dataSource, "test:lease-2", CancellationToken.None))
        {
            Assert.NotNull(other);
        }

        await first!.DisposeAsync();
        await using var second = await SourceLease.TryAcquireAsync(dataSource, "test:lease-1", CancellationToken.None);
        Assert.NotNull(second);
    }
}
