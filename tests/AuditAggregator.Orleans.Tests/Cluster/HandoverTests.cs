using AuditAggregator.Checkpoints;
using AuditAggregator.Orleans.Tests.Support;

namespace AuditAggregator.Orleans.Tests.Cluster;

/// <summary>
/// A source moves between silos: it resumes from its checkpoint, and it is never read by two silos at once.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class HandoverTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Backfill_SiloStoppedGracefully_SourceResumesFromItsCheckpointElsewhere()
    {
        await cluster.EnsureSilosAsync(2);
        const string Account = "move-1";
        var expected = await cluster.ExpectedIdsAsync(Account);
        await cluster.Client.BackfillAsync([Account], cluster.Window, CancellationToken.None);
        await ClusterFixture.WaitUntilAsync(async () => await cluster.StoredCountAsync(Account) > 0, TimeSpan.FromSeconds(60), "the account has committed part of its window");
        var host = await cluster.HostOfAsync(Account);

        // SIGTERM: the silo deactivates the grain, whose job commits what it took; then the silo leaves.
        await host.StopAsync(TimeSpan.FromSeconds(30));
        var handedOver = await LoadCheckpointAsync(Account);
        var storedAtHandover = await cluster.StoredCountAsync(Account);

        await cluster.WaitCompleteAsync(Account);
        Assert.True(handedOver?.HasPendingWindow, "the stopping silo committed no progress inside the window");
        Assert.NotNull(handedOver!.DeliveredDownTo);
        Assert.True(storedAtHandover < expected.Count, "the window was complete before the handover");
        var resumed = (await cluster.StatusesAsync(Account))[0];
        Assert.False(host.Owns(resumed.Silo));
        Assert.Equal(expected.Count - storedAtHandover, resumed.Stored);
        Assert.Equal(0, resumed.Repeated);
        Assert.Equal(expected.Order(), (await cluster.StoredIdsAsync(Account)).Order());
    }

    [Fact]
    public async Task Backfill_HostKilledAndAskedAgainDuringFailover_NeverPolledByTwoSilosAtOnce()
    {
        await cluster.EnsureSilosAsync(2);
        const string Account = ClusterFixture.ProbedAccount;
        var expected = await cluster.ExpectedIdsAsync(Account);
        var before = cluster.Proxy.Requests;
        await cluster.Client.BackfillAsync([Account], cluster.Window, CancellationToken.None);
        await ClusterFixture.WaitUntilAsync(async () => await cluster.StoredCountAsync(Account) > 0, TimeSpan.FromSeconds(60), "the account has committed part of its window");
        var host = await cluster.HostOfAsync(Account);
        host.Kill();

        // Ask again and again while the cluster has not yet declared the silo dead.
        for (var i = 0; i < 5; i++)
        {
            await cluster.Client.BackfillAsync([Account], cluster.Window, CancellationToken.None);
        }

        await cluster.EnsureSilosAsync(2);
        await cluster.WaitCompleteAsync(Account);
        Assert.True(cluster.Proxy.Requests - before > 10, "the account was read in too few requests to show anything");
        Assert.Equal(1, cluster.Proxy.MaxReaders);
        Assert.Equal(expected.Order(), (await cluster.StoredIdsAsync(Account)).Order());
    }

    private async Task<SourceCheckpoint?> LoadCheckpointAsync(string account)
    {
        await using var command = cluster.DataSource.CreateCommand("SELECT checkpoint::text FROM audit_checkpoints WHERE name = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cluster.Window.CheckpointName(account) });
        return await command.ExecuteScalarAsync() is string json ? FollowCheckpointJson.Deserialize(json).Sources.GetValueOrDefault(account) : null;
    }
}
