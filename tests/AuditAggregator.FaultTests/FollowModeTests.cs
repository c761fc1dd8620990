using AuditAggregator.Checkpoints;
using AuditAggregator.FaultTests.Support;
using AuditAggregator.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.FaultTests;

/// <summary>
/// <see cref="AuditFollower"/> over both simulators while new events arrive between polls and faults hit random
/// requests: every event is delivered exactly once across the runs, a failed run included.
/// </summary>
public sealed class FollowModeTests(ITestOutputHelper output)
{
    private static readonly Instant Start = Instant.FromDateTimeOffset(FaultHarness.Now.AddDays(-5));
    private static readonly TimeSpan Lag = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FollowAsync_EventsArriveBetweenPollsWithFaults_DeliversEveryEventOnce()
    {
        await using var harness = await FaultHarness.StartAsync();
        InterleaveRandomFaults(harness);
        var clock = new FakeClock(FaultHarness.Now.AddSeconds(31));
        var store = new InMemoryCheckpointStore();
        var options = new AuditFollowOptions { PollInterval = TimeSpan.FromMinutes(1), Lag = Lag, Overlap = TimeSpan.FromMinutes(5), CommitEvery = 50 };
        var follower = new AuditFollower(harness.Sources, store, options, clock, harness.Logs.CreateLogger<AuditFollower>());
        var delivered = new List<AuditEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var follow = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in follower.FollowAsync(new AuditQuery { From = Start }, stop.Token))
                {
                    lock (delivered)
                    {
                        delivered.Add(item);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by the test.
            }
        });

        int[] arrivals = [0, 40, 25, 300, 0, 10, 120];
        for (var poll = 0; poll < arrivals.Length; poll++)
        {
            if (poll > 0)
            {
                // The next poll comes after the interval, or once the newest arrival is 10 s old (so the newest 20
                // wait behind the 30 s lag for the poll after), whichever is later.
                Append(harness, arrivals[poll]);
                var next = Max(clock.GetUtcNow() + options.PollInterval, NewestTime(harness) + TimeSpan.FromSeconds(10));
                clock.Advance(next - clock.GetUtcNow());
            }

            // The poll is over when its window is committed and the follower sleeps until the next one.
            var to = Instant.FromDateTimeOffset(clock.GetUtcNow() - Lag);
            await WaitUntilAsync(() => IsCommittedUpTo(store, to) && clock.Scheduled.Count(due => due == options.PollInterval) > poll, follow);
            lock (delivered)
            {
                output.WriteLine($"poll {poll + 1}: {arrivals[poll]} arrived per log; delivered so far {delivered.Count}; faults served {harness.DocSpaceProbe.FaultsServed} + {harness.ExaVaultProbe.FaultsServed}");
            }
        }

        await stop.CancelAsync();
        await follow;

        var window = AuditQuery.Between(Start, Instant.FromDateTimeOffset(clock.GetUtcNow() - Lag));
        AssertEveryEventOnce(harness, window, delivered, $"follow mode, {arrivals.Length} polls, random faults");
        Assert.True(harness.DocSpaceProbe.FaultsServed + harness.ExaVaultProbe.FaultsServed >= 3, "too few faults were interleaved");
    }

    private const int BreakAfter = 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadOnceAsync_RunsWithArrivalsFaultsAndFailedRuns_DeliverEveryEventOnce(bool restartFromSqlite)
    {
        await using var harness = await FaultHarness.StartAsync();
        InterleaveRandomFaults(harness);
        var clock = new FakeTimeProvider(FaultHarness.Now.AddSeconds(31));
        var options = new AuditFollowOptions { Lag = Lag, Overlap = TimeSpan.FromMinutes(5), CommitEvery = 50 };
        var directory = Directory.CreateTempSubdirectory("faulttests-");
        ICheckpointStore store = restartFromSqlite
            ? new SqliteCheckpointStore(Path.Combine(directory.FullName, "checkpoint.db"))
            : new InMemoryCheckpointStore();
        var follower = new AuditFollower(harness.Sources, store, options, clock, harness.Logs.CreateLogger<AuditFollower>());
        var delivered = new List<AuditEvent>();
        var failedRuns = 0;

        // (events arriving per log before the run, the age of the newest arrival when the run starts (the lag is
        // 30 s, so a younger one waits for a later run), the source that fails for good once the run has delivered
        // its first events)
        (int Arrivals, int AgeSeconds, Vendor? Breaks)[] runs =
        [
            (0, 31, null), (40, 10, null), (25, 31, null), (500, 31, Vendor.DocSpace), (0, 31, null),
            (400, 31, Vendor.ExaVault), (0, 31, null), (10, 5, null), (0, 60, null),
        ];
        foreach (var (arrivals, age, breaks) in runs)
        {
            Append(harness, arrivals);
            clock.SetUtcNow(Max(clock.GetUtcNow(), NewestTime(harness) + TimeSpan.FromSeconds(age)));
            if (restartFromSqlite)
            {
                // A new process: a new follower over the same checkpoint file.
                follower = new AuditFollower(harness.Sources, new SqliteCheckpointStore(Path.Combine(directory.FullName, "checkpoint.db")), options, clock, harness.Logs.CreateLogger<AuditFollower>());
            }

            var before = delivered.Count;
            try
            {
                await foreach (var item in follower.ReadOnceAsync(new AuditQuery { From = Start }))
                {
                    delivered.Add(item);
                    if (breaks is { } vendor && delivered.Count - before == BreakAfter)
                    {
                        // More 503s in a row than the retries allow (even shared by ExaVault's two logs), from the
                        // source's next request on: the run fails mid-window. Breaking on the request count instead
                        // (the run's third) raced ExaVault's two logs: the third request could be a log's first
                        // page, and the run failed before it delivered anything.
                        harness.Probe(vendor).Plan.Enqueue(SimulatedFault.ServerError(503), 14);
                    }
                }
            }
            catch (AuditSourceException ex)
            {
                failedRuns++;
                output.WriteLine($"run failed after {delivered.Count - before} events: {ex.Message}");
                Assert.Equal(FaultHarness.SourceName(breaks!.Value), ex.SourceName);
                Assert.True(delivered.Count > before, "the run failed before it delivered anything: not a failure mid-window");

                // The outage is over: drop the 503s the failed run left queued; random faults go on.
                harness.Probe(breaks.Value).Plan.Clear();
                InterleaveRandomFaults(harness, seed: failedRuns);
            }

            output.WriteLine($"run: {arrivals} arrived per log, newest {age} s old: delivered {delivered.Count - before}");
        }

        var window = AuditQuery.Between(Start, Instant.FromDateTimeOffset(clock.GetUtcNow() - Lag));
        AssertEveryEventOnce(harness, window, delivered, $"ReadOnceAsync x{runs.Length}, {(restartFromSqlite ? "restarted from SQLite each run" : "in memory")}, random faults, two runs failed mid-window");
        Assert.Equal(2, failedRuns);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private static void InterleaveRandomFaults(FaultHarness harness, int seed = 0)
    {
        SimulatedFault[] faults =
        [
            SimulatedFault.ServerError(503),
            SimulatedFault.TooManyRequests(),
            SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)),
            SimulatedFault.TruncatedBody(),
            SimulatedFault.DropConnection(),
        ];
        harness.World.DocSpace.Faults.SetRandomFaults(0.15, 11 + (2 * seed), faults);
        harness.World.ExaVault.Faults.SetRandomFaults(0.15, 12 + (2 * seed), faults);
    }

    private static void Append(FaultHarness harness, int count)
    {
        if (count > 0)
        {
            harness.World.DocSpace.Data.Login.Append(count);
            harness.World.ExaVault.Data.Session.Append(count);
            harness.World.ExaVault.Data.Webhooks.Append(count);
        }
    }

    /// <summary>The time of the newest event in any log: arrivals are stamped one second apart after the data's end.</summary>
    private static DateTimeOffset NewestTime(FaultHarness harness) =>
        new[] { harness.World.DocSpace.Data.Login, harness.World.ExaVault.Data.Session, harness.World.ExaVault.Data.Webhooks }
            .Max(log => log.TimeAt(log.Count - 1));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static bool IsCommittedUpTo(InMemoryCheckpointStore store, Instant to) =>
        store.Current is { } checkpoint
        && checkpoint.Sources.Count == 2
        && checkpoint.Sources.Values.All(s => !s.HasPendingWindow && s.Watermark >= to);

    private static async Task WaitUntilAsync(Func<bool> condition, Task follow)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (follow.IsCompleted)
            {
                await follow;
                Assert.Fail("The follower stopped before the poll was committed.");
            }

            Assert.True(DateTime.UtcNow < deadline, "The poll was not committed within 30 s.");
            await Task.Delay(10);
        }
    }

    private void AssertEveryEventOnce(FaultHarness harness, AuditQuery window, List<AuditEvent> delivered, string label)
    {
        foreach (var vendor in new[] { Vendor.DocSpace, Vendor.ExaVault })
        {
            var expected = harness.Expected(vendor, window);
            var ids = delivered.Where(e => e.Source == FaultHarness.SourceName(vendor)).Select(e => e.Id).ToList();
            Delivery.AssertExactlyOnce(output, label, vendor.ToString(), expected, ids, harness.Probe(vendor));
            Assert.True(expected.Count >= 400, $"only {expected.Count} events expected");
        }
    }
}
