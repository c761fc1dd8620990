using System.Runtime.CompilerServices;
using AuditAggregator.Checkpoints;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Follow;

public class AuditFollowerTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A source over a list that tests can add to, newest first, counting reads.</summary>
    private sealed class LiveSource(string name) : IAuditSource
    {
        private readonly List<AuditEvent> _events = [];
        private long _nextId = 1;

        public string Name => name;

        public IReadOnlyCollection<string> Streams => ["login"];

        public int Reads { get; private set; }

        public AuditEvent Add(DateTimeOffset time)
        {
            var item = SyntheticSource.Create(name, "login", _nextId++, Instant.FromDateTimeOffset(time));
            lock (_events)
            {
                _events.Add(item);
            }

            return item;
        }

        public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Reads++;
            AuditEvent[] snapshot;
            lock (_events)
            {
                snapshot = [.. _events.Where(query.Matches).Order(AuditEventOrder.NewestFirst)];
            }

            foreach (var item in snapshot)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    private static AuditFollowOptions Options() => new()
    {
        Lag = TimeSpan.FromMinutes(1),
        Overlap = TimeSpan.FromMinutes(5),
        InitialLookback = TimeSpan.FromDays(1),
        PollInterval = TimeSpan.FromSeconds(30),
        CommitEvery = 10,
    };

    [Fact]
    public async Task ReadOnceAsync_RunTwice_SecondRunDeliversOnlyNewEvents()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("docspace");
        var first = Enumerable.Range(1, 30).Select(i => source.Add(Start.AddMinutes(-60 + i))).ToList();
        var store = new InMemoryCheckpointStore();

        var run1 = await new AuditFollower([source], store, Options(), time).ReadOnceAsync(AuditQuery.All).ToListAsync();
        var late = source.Add(Start.AddMinutes(-3));
        var fresh = source.Add(Start.AddMinutes(2));
        time.Advance(TimeSpan.FromMinutes(5));
        var run2 = await new AuditFollower([source], store, Options(), time).ReadOnceAsync(AuditQuery.All).ToListAsync();

        Assert.Equal(first.Select(e => e.Id).Order(), run1.Select(e => e.Id).Order());
        Assert.Equal([fresh.Id, late.Id], run2.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadOnceAsync_EmptyWindow_StillAdvancesTheWatermark()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("exavault");
        var store = new InMemoryCheckpointStore();

        Assert.Empty(await new AuditFollower([source], store, Options(), time).ReadOnceAsync(AuditQuery.All).ToListAsync());

        var checkpoint = Assert.IsType<SourceCheckpoint>(store.Current!.Sources["exavault"]);
        Assert.Equal(Instant.FromDateTimeOffset(Start.AddMinutes(-1)), checkpoint.Watermark);
        Assert.False(checkpoint.HasPendingWindow);
    }

    [Fact]
    public async Task ReadOnceAsync_CancelledMidWindow_ResumesWithoutLossOrDuplicate()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("docspace");
        var all = Enumerable.Range(1, 95).Select(i => source.Add(Start.AddMinutes(-200 + (i / 3)))).Select(e => e.Id).ToHashSet();
        var store = new InMemoryCheckpointStore();
        var delivered = new List<string>();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in new AuditFollower([source], store, Options(), time).ReadOnceAsync(AuditQuery.All, cts.Token))
            {
                delivered.Add(item.Id);
                if (delivered.Count == 37)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.True(store.Current!.Sources["docspace"].HasPendingWindow);
        delivered.AddRange(await new AuditFollower([source], store, Options(), time).ReadOnceAsync(AuditQuery.All).Select(e => e.Id).ToListAsync());

        Assert.Equal(all.Count, delivered.Count);
        Assert.Equal(all, delivered.ToHashSet());
    }

    [Fact]
    public async Task ReadOnceAsync_HardStopAfterUncommittedEvents_SinkStateLetsTheRestartCutAndResume()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("docspace");
        var all = Enumerable.Range(1, 100).Select(i => source.Add(Start.AddMinutes(-300 + i))).Select(e => e.Id).ToList();
        var store = new InMemoryCheckpointStore();
        var sink = new List<string>();
        var options = Options();
        options.CaptureSinkStateAsync = _ => ValueTask.FromResult<string?>(sink.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A "kill": the consumer stops calling MoveNext after 44 events and never disposes the enumerator.
        var enumerator = new AuditFollower([source], store, options, time).ReadOnceAsync(AuditQuery.All).GetAsyncEnumerator();
        for (var i = 0; i < 44 && await enumerator.MoveNextAsync(); i++)
        {
            sink.Add(enumerator.Current.Id);
        }

        // The restart cuts the sink back to the committed state, then resumes.
        var committed = int.Parse(store.Current!.SinkState!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(committed < 44);
        sink.RemoveRange(committed, sink.Count - committed);
        await foreach (var item in new AuditFollower([source], store, options, time).ReadOnceAsync(AuditQuery.All))
        {
            sink.Add(item.Id);
        }

        Assert.Equal(all.Count, sink.Count);
        Assert.Equal(all.ToHashSet(), sink.ToHashSet());
    }

    [Fact]
    public async Task ReadOnceAsync_EventsAtTheSameInstantAcrossAStop_TieBrokenByIds()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("docspace");
        var all = Enumerable.Range(1, 12).Select(_ => source.Add(Start.AddMinutes(-10))).Select(e => e.Id).ToHashSet();
        var store = new InMemoryCheckpointStore();
        var options = Options();
        options.CommitEvery = 1;
        var delivered = new List<string>();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in new AuditFollower([source], store, options, time).ReadOnceAsync(AuditQuery.All, cts.Token))
            {
                delivered.Add(item.Id);
                if (delivered.Count == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(5, store.Current!.Sources["docspace"].IdsAtDeliveredDownTo.Count);
        delivered.AddRange(await new AuditFollower([source], store, options, time).ReadOnceAsync(AuditQuery.All).Select(e => e.Id).ToListAsync());

        Assert.Equal(12, delivered.Count);
        Assert.Equal(all, delivered.ToHashSet());
    }

    [Fact]
    public async Task FollowAsync_PollsOnTheIntervalAndDeliversNewEvents()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("exavault");
        var old = source.Add(Start.AddMinutes(-10));
        var follower = new AuditFollower([source], new InMemoryCheckpointStore(), Options(), time);
        await using var enumerator = follower.FollowAsync(AuditQuery.All).GetAsyncEnumerator();

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(old.Id, enumerator.Current.Id);
        var fresh = source.Add(Start.AddSeconds(10));
        var next = enumerator.MoveNextAsync().AsTask();
        for (var i = 0; i < 20 && !next.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(next, Task.Delay(50));
        }

        Assert.True(await next);
        Assert.Equal(fresh.Id, enumerator.Current.Id);
        Assert.True(source.Reads >= 2);
    }

    [Fact]
    public async Task FollowAsync_SecondConcurrentRun_Refused()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("exavault");
        source.Add(Start.AddMinutes(-10));
        var follower = new AuditFollower([source], new InMemoryCheckpointStore(), Options(), time);
        await using var first = follower.FollowAsync(AuditQuery.All).GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => follower.ReadOnceAsync(AuditQuery.All).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Observe_IsHotAndShared_OneFollowLoopForTwoSubscribers()
    {
        var time = new FakeTimeProvider(Start);
        var source = new LiveSource("exavault");
        source.Add(Start.AddMinutes(-10));
        var follower = new AuditFollower([source], new InMemoryCheckpointStore(), Options(), time);
        var live = follower.Observe(AuditQuery.All);
        var a = new List<AuditEvent>();
        var b = new List<AuditEvent>();
        var gotFirst = new TaskCompletionSource();

        using (live.Subscribe(e => { a.Add(e); gotFirst.TrySetResult(); }))
        using (live.Subscribe(b.Add))
        {
            await gotFirst.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Single(a);
        Assert.Equal(1, source.Reads);
    }
}
