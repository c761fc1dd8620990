using AuditAggregator.PostgreSql.Tests.Support;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AuditAggregator.PostgreSql.Tests;

/// <summary>
/// A collector over a synthetic source into PostgreSQL, "killed" at various points and restarted from what the
/// database holds: every event of the window lands in <c>audit_events</c> exactly once, and nothing is read twice.
/// </summary>
/// <remarks>
/// A kill is simulated by abandoning the follower's enumerator (no dispose, so no last commit runs) and closing the
/// connection pool: the events written since the last commit are gone with the process, as in a real crash.
/// </remarks>
[Collection(SharedServer.Name)]
public sealed class ExactlyOnceTests(PostgreSqlFixture fixture)
{
    private const int Total = 5_000;
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static AuditFollowOptions Options() => new() { Lag = TimeSpan.Zero, CommitEvery = 250, InitialLookback = TimeSpan.FromDays(2) };

    private static SyntheticSource Source() => new("docspace", Total, Instant.FromDateTimeOffset(Now.AddMinutes(-1)), Duration.FromSeconds(11));

    private static HashSet<string> Expected() => [.. Enumerable.Range(1, Total).Select(i => $"docspace:login:{i}")];

    [Fact]
    public async Task RunOnceAsync_KilledBetweenCommits_RestartStoresEveryEventExactlyOnce()
    {
        var schema = fixture.NewSchema();
        var time = new FakeTimeProvider(Now);

        var written = await RunUntilKilledAsync(schema, time, events: 1_234);
        var committed = await fixture.CountAsync(schema);
        long resumed;
        await using (var database = fixture.Database(schema, time))
        {
            resumed = await new AuditCollector([Source()], database.CreateStore("collector"), Options(), time).RunOnceAsync(AuditQuery.All);
        }

        Assert.Equal(1_234, written);
        Assert.Equal(1_000, committed);
        Assert.Equal(Total - committed, resumed);
        await AssertExactlyOnceAsync(schema);
    }

    [Fact]
    public async Task RunOnceAsync_KilledSixTimesAtUnevenPoints_EveryEventExactlyOnce()
    {
        var schema = fixture.NewSchema();
        var time = new FakeTimeProvider(Now);
        await using (var database = fixture.Database(schema, time))
        {
            await database.MigrateAsync();
        }

        foreach (var events in new[] { 1, 249, 250, 251, 777, 1_999 })
        {
            var before = await fixture.CountAsync(schema);
            await RunUntilKilledAsync(schema, time, events);

            // The last event was written but not taken (nothing asked for the next), and commits come every 250 taken.
            Assert.Equal(before + ((events - 1) / 250 * 250), await fixture.CountAsync(schema));
        }

        await using (var database = fixture.Database(schema, time))
        {
            await new AuditCollector([Source()], database.CreateStore("collector"), Options(), time).RunOnceAsync(AuditQuery.All);
        }

        await AssertExactlyOnceAsync(schema);
    }

    [Fact]
    public async Task RunOnceAsync_ConnectionDroppedBetweenTheInsertAndTheCheckpoint_NeitherKeptAndTheRestartStoresEveryEventOnce()
    {
        var schema = fixture.NewSchema();
        var time = new FakeTimeProvider(Now);
        await using (var database = fixture.Database(schema, time))
        {
            await database.MigrateAsync();

            // The commit that takes the table past 2,000 events dies with its connection, after its insert.
            await FailingTrigger.DropConnectionAsync(fixture, schema, whenEventsAbove: 2_000);
            var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => new AuditCollector([Source()], database.CreateStore("collector"), Options(), time).RunOnceAsync(AuditQuery.All));
            Assert.Contains("ended the connection", ex.Message, StringComparison.Ordinal);
            await FailingTrigger.RemoveAsync(fixture, schema);
        }

        Assert.Equal(2_000, await fixture.CountAsync(schema));
        await using (var database = fixture.Database(schema, time))
        {
            var resumed = await new AuditCollector([Source()], database.CreateStore("collector"), Options(), time).RunOnceAsync(AuditQuery.All);
            Assert.Equal(Total - 2_000, resumed);
        }

        await AssertExactlyOnceAsync(schema);
    }

    /// <summary>Reads <paramref name="events"/> events into the store, then "dies": no dispose, no last commit.</summary>
    private async Task<int> RunUntilKilledAsync(string schema, TimeProvider time, int events)
    {
        var database = fixture.Database(schema, time);
        var store = database.CreateStore("collector");
        var enumerator = new AuditFollower([Source()], store, Options(), time).ReadOnceAsync(AuditQuery.All).GetAsyncEnumerator();
        var written = 0;
        while (written < events && await enumerator.MoveNextAsync())
        {
            await store.WriteAsync(enumerator.Current);
            written++;
        }

        await database.DisposeAsync();
        return written;
    }

    private async Task AssertExactlyOnceAsync(string schema)
    {
        await using var database = fixture.Database(schema);
        var stored = await database.ReadEventsAsync(AuditQuery.All).Select(e => e.Id).ToListAsync();
        Assert.Equal(Total, stored.Count);
        Assert.Equal(Expected(), stored.ToHashSet());
        var checkpoint = await database.CreateStore("collector").LoadAsync();
        Assert.False(checkpoint!.Sources["docspace"].HasPendingWindow);
    }
}
