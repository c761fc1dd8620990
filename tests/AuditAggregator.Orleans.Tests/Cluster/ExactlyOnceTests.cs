using AuditAggregator.Orleans.Tests.Support;

namespace AuditAggregator.Orleans.Tests.Cluster;

/// <summary>
/// Exactly once across silo crashes: every event of a window stored once, whatever moment a silo dies at.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class ExactlyOnceTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Backfill_SiloKilledMidBatch_StoresEveryEventOnce()
    {
        await cluster.EnsureSilosAsync(2);
        string[] accounts = ["kill-1", "kill-2", "kill-3"];
        var expected = await cluster.ExpectedIdsAsync(accounts);
        await cluster.Client.BackfillAsync(accounts, cluster.Window, CancellationToken.None);

        // Wait until one account has committed part of its window, then kill the silo that reads it.
        string? victimAccount = null;
        await ClusterFixture.WaitUntilAsync(
            async () =>
            {
                var progress = await cluster.ProgressAsync(accounts);
                foreach (var account in accounts)
                {
                    if (progress.TryGetValue(account, out var p) && !p.Complete && await cluster.StoredCountAsync(account) > 0)
                    {
                        victimAccount = account;
                        return true;
                    }
                }

                return false;
            },
            TimeSpan.FromSeconds(60),
            "an account has committed part of its window");
        var victim = await cluster.HostOfAsync(victimAccount!);
        var storedAtKill = await cluster.StoredCountAsync(victimAccount!);
        victim.Kill();

        await cluster.WaitCompleteAsync(accounts);
        Assert.InRange(storedAtKill, 1, (await cluster.ExpectedIdsAsync(victimAccount!)).Count - 1);
        Assert.Equal(expected.Order(), (await cluster.StoredIdsAsync(accounts)).Order());
        var moved = (await cluster.StatusesAsync(victimAccount!))[0];
        Assert.False(victim.Owns(moved.Silo), $"{victimAccount} still reports the killed silo");
        Assert.Equal(0, moved.Repeated);
    }

    [Fact]
    public async Task Backfill_SiloKilledBetweenInsertAndCheckpoint_StoresEveryEventOnce()
    {
        await cluster.EnsureSilosAsync(2);
        const string Account = "stall-1";
        var expected = await cluster.ExpectedIdsAsync(Account);

        // The first commit that carries events of this account stops after inserting them, before its checkpoint.
        await ExecuteAsync(
            """
            CREATE TABLE stall_flag (on_ boolean);
            INSERT INTO stall_flag VALUES (true);
            CREATE FUNCTION stall_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM stall_flag) AND EXISTS (SELECT 1 FROM audit_events WHERE source = 'stall-1') THEN
                    PERFORM pg_sleep(60);
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER stall_checkpoint BEFORE INSERT OR UPDATE ON audit_checkpoints
                FOR EACH ROW WHEN (NEW.name LIKE 'backfill:stall-1:%') EXECUTE FUNCTION stall_checkpoint();
            """);
        try
        {
            await cluster.Client.BackfillAsync([Account], cluster.Window, CancellationToken.None);
            await ClusterFixture.WaitUntilAsync(
                async () => await ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") > 0,
                TimeSpan.FromSeconds(60),
                "a commit has inserted its events and waits before its checkpoint");
            var victim = await cluster.HostOfAsync(Account);
            victim.Kill();
            await ExecuteAsync("DELETE FROM stall_flag");

            await cluster.WaitCompleteAsync(Account);
            Assert.Equal(expected.Order(), (await cluster.StoredIdsAsync(Account)).Order());
            Assert.Equal(0, (await cluster.StatusesAsync(Account))[0].Repeated);
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER IF EXISTS stall_checkpoint ON audit_checkpoints; DROP FUNCTION IF EXISTS stall_checkpoint(); DROP TABLE IF EXISTS stall_flag;");
        }
    }

    [Fact]
    public async Task Backfill_RequestedDuringFailover_StoresEveryEventOnce()
    {
        await cluster.EnsureSilosAsync(2);
        string[] accounts = ["failover-1", "failover-2"];
        var expected = await cluster.ExpectedIdsAsync(accounts);

        // Kill a silo, then ask at once: calls to grains of the dead silo are rejected until it is declared dead.
        cluster.Silos.First(s => !s.HasExited).Kill();
        await cluster.Client.BackfillAsync(accounts, cluster.Window, CancellationToken.None);

        await cluster.WaitCompleteAsync(accounts);
        Assert.Equal(expected.Order(), (await cluster.StoredIdsAsync(accounts)).Order());
        Assert.All(await cluster.StatusesAsync(accounts), s => Assert.Equal(0, s.Repeated));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = cluster.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = cluster.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
