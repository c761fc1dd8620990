using AuditAggregator.Checkpoints;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Sinks;

public class AuditCollectorTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A transactional store in memory: writes wait in a buffer until a commit makes them durable with the checkpoint.
    /// A "crash" after a number of writes makes it dead: nothing more becomes durable, as when the process is gone.
    /// </summary>
    private sealed class CommittingStore : IAuditEventStore
    {
        private readonly List<AuditEvent> _pending = [];
        private int _writes;
        private bool _dead;

        public CommittingStore(CommittingStore? crashed = null)
        {
            if (crashed is not null)
            {
                Durable.AddRange(crashed.Durable);
                Checkpoint = crashed.Checkpoint;
            }
        }

        public List<AuditEvent> Durable { get; } = [];

        public FollowCheckpoint? Checkpoint { get; private set; }

        public int Repeats { get; private set; }

        public int? CrashAtWrite { get; init; }

        public int Pending => _pending.Count;

        public ValueTask<FollowCheckpoint?> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Checkpoint);

        public ValueTask CommitAsync(FollowCheckpoint checkpoint, CancellationToken cancellationToken = default)
        {
            if (_dead)
            {
                throw new InvalidOperationException("the process is gone");
            }

            foreach (var item in _pending)
            {
                if (Durable.Exists(e => e.Id == item.Id))
                {
                    Repeats++;
                }
                else
                {
                    Durable.Add(item);
                }
            }

            _pending.Clear();
            Checkpoint = checkpoint;
            return ValueTask.CompletedTask;
        }

        public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            if (_dead || ++_writes == CrashAtWrite)
            {
                _dead = true;
                throw new InvalidOperationException("killed");
            }

            _pending.Add(auditEvent);
            return ValueTask.CompletedTask;
        }
    }

    private static AuditFollowOptions Options() => new() { Lag = TimeSpan.Zero, CommitEvery = 40 };

    private static SyntheticSource Source(int count) =>
        new("docspace", count, Instant.FromDateTimeOffset(Start.AddMinutes(-1)), Duration.FromSeconds(7));

    [Fact]
    public async Task RunOnceAsync_WholeWindow_EveryEventDurableWithTheFinalCheckpoint()
    {
        var store = new CommittingStore();
        var time = new FakeTimeProvider(Start);

        var written = await new AuditCollector([Source(250)], store, Options(), time).RunOnceAsync(AuditQuery.All);

        Assert.Equal(250, written);
        Assert.Equal(250, store.Durable.Select(e => e.Id).Distinct().Count());
        Assert.Equal(0, store.Pending);
        Assert.False(store.Checkpoint!.Sources["docspace"].HasPendingWindow);
    }

    [Fact]
    public async Task RunOnceAsync_CrashBetweenCommits_RestartStoresEveryEventOnceAndRepeatsNone()
    {
        var time = new FakeTimeProvider(Start);
        var crashed = new CommittingStore { CrashAtWrite = 123 };

        await Assert.ThrowsAsync<InvalidOperationException>(() => new AuditCollector([Source(300)], crashed, Options(), time).RunOnceAsync(AuditQuery.All));
        var restarted = new CommittingStore(crashed);
        var written = await new AuditCollector([Source(300)], restarted, Options(), time).RunOnceAsync(AuditQuery.All);

        Assert.Equal(120, crashed.Durable.Count);
        Assert.Equal(300 - 120, written);
        Assert.Equal(300, restarted.Durable.Select(e => e.Id).Distinct().Count());
        Assert.Equal(300, restarted.Durable.Count);
        Assert.Equal(0, restarted.Repeats);
    }

    [Fact]
    public async Task RunOnceAsync_CancelledMidWindow_CommitsWhatWasTakenAndResumes()
    {
        var time = new FakeTimeProvider(Start);
        var store = new CommittingStore();
        var source = Source(200);
        source.DelayPerEvent = TimeSpan.FromMilliseconds(1);
        using var cts = new CancellationTokenSource();
        var collector = new AuditCollector([source], store, Options(), time);

        var run = collector.RunOnceAsync(AuditQuery.All, cts.Token);
        while (source.Produced < 70)
        {
            await Task.Delay(1);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var afterCancel = store.Durable.Count;
        await collector.RunOnceAsync(AuditQuery.All);

        Assert.InRange(afterCancel, 1, 199);
        Assert.Equal(200, store.Durable.Count);
        Assert.Equal(0, store.Repeats);
    }

    [Fact]
    public async Task FollowAsync_Cancelled_EndsAsCancelledWithEverythingCommitted()
    {
        var time = new FakeTimeProvider(Start);
        var store = new CommittingStore();
        using var cts = new CancellationTokenSource();

        var follow = new AuditCollector([Source(90)], store, Options(), time).FollowAsync(AuditQuery.All, cts.Token);
        while (store.Checkpoint?.Sources["docspace"].Watermark is null)
        {
            await Task.Delay(1);
        }

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);
        Assert.Equal(90, store.Durable.Count);
        Assert.Equal(0, store.Pending);
    }

    [Fact]
    public void Constructor_NullStore_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new AuditCollector([Source(1)], null!));
    }
}
