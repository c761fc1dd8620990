using System.Reactive;
using System.Reactive.Concurrency;
using System.Threading.Channels;
using AuditAggregator.Testing;
using Microsoft.Reactive.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Feed;

/// <summary>
/// <see cref="AuditFeed.Observe"/> on the virtual clock of Rx's <see cref="TestScheduler"/>: each source releases its
/// events at set virtual times, and the recorded notifications show when the feed emitted each one.
/// </summary>
public class AuditFeedVirtualTimeTests
{
    private static readonly Instant T = Instant.FromUtc(2025, 6, 2, 12, 0);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Observe_SlowerSourceBehind_HoldsNewerEventsUntilEverySourceHasSpoken()
    {
        var scheduler = new TestScheduler();
        var fast = new ReleasedSource("docspace", scheduler);
        var slow = new ReleasedSource("exavault", scheduler);
        fast.ReleaseAt(100, 1, T);
        fast.ReleaseAt(200, 2, T - Duration.FromSeconds(2));
        fast.CompleteAt(200);
        slow.ReleaseAt(300, 7, T - Duration.FromSeconds(1));
        slow.CompleteAt(400);
        var recorder = new Recorder(scheduler);

        using (new AuditFeed([fast, slow]).Observe(AuditQuery.All).Subscribe(recorder))
        {
            scheduler.AdvanceTo(200);
            scheduler.AdvanceTo(300);
            await recorder.WaitForAsync(2);
            scheduler.AdvanceTo(400);
            await recorder.WaitForAsync(4);
        }

        // Nothing leaves the merge before the slower source's first event is known: the newest event waits for it.
        Assert.Equal(
            [
                ReactiveTest.OnNext(300, "docspace:login:1"),
                ReactiveTest.OnNext(300, "exavault:login:7"),
                ReactiveTest.OnNext(400, "docspace:login:2"),
                ReactiveTest.OnCompleted<string>(400),
            ],
            recorder.Messages);
    }

    [Fact]
    public async Task Observe_DisposedAtVirtualTime_CancelsTheReadAndDeliversNothingLater()
    {
        var scheduler = new TestScheduler();
        var source = new ReleasedSource("docspace", scheduler);
        for (var i = 1; i <= 4; i++)
        {
            source.ReleaseAt(i * 100, i, T - Duration.FromSeconds(i));
        }

        var recorder = new Recorder(scheduler);
        var subscription = new AuditFeed([source]).Observe(AuditQuery.All).Subscribe(recorder);
        scheduler.ScheduleAbsolute(250, subscription.Dispose);

        scheduler.AdvanceTo(100);
        await recorder.WaitForAsync(1);
        scheduler.AdvanceTo(200);
        await recorder.WaitForAsync(2);
        scheduler.AdvanceTo(250);
        await source.Cancelled.WaitAsync(Patience);
        scheduler.AdvanceTo(400);

        Assert.Equal([ReactiveTest.OnNext(100, "docspace:login:1"), ReactiveTest.OnNext(200, "docspace:login:2")], recorder.Messages);
        Assert.Equal(2, source.Unread);
    }

    /// <summary>Records each notification at the scheduler's virtual time, and lets the test wait for them.</summary>
    private sealed class Recorder(TestScheduler scheduler) : IObserver<AuditEvent>
    {
        private readonly ITestableObserver<string> _observer = scheduler.CreateObserver<string>();
        private readonly SemaphoreSlim _arrived = new(0);
        private int _seen;

        public IList<Recorded<Notification<string>>> Messages => _observer.Messages;

        public void OnNext(AuditEvent value) => Record(() => _observer.OnNext(value.Id));

        public void OnError(Exception error) => Record(() => _observer.OnError(error));

        public void OnCompleted() => Record(_observer.OnCompleted);

        /// <summary>Waits until <paramref name="count"/> notifications in all have arrived.</summary>
        public async Task WaitForAsync(int count)
        {
            for (; _seen < count; _seen++)
            {
                Assert.True(await _arrived.WaitAsync(Patience), $"notification {_seen + 1} never arrived");
            }
        }

        private void Record(Action record)
        {
            record();
            _arrived.Release();
        }
    }

    /// <summary>A source whose events become readable only when the virtual clock reaches their release time.</summary>
    private sealed class ReleasedSource(string name, TestScheduler scheduler) : IAuditSource
    {
        private readonly Channel<AuditEvent> _released = Channel.CreateUnbounded<AuditEvent>();
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public IReadOnlyCollection<string> Streams { get; } = ["login"];

        /// <summary>Gets a task that completes when a read ends by cancellation.</summary>
        public Task Cancelled => _cancelled.Task;

        /// <summary>Gets the number of released events nobody has read.</summary>
        public int Unread => _released.Reader.Count;

        public void ReleaseAt(long ticks, long id, Instant time) =>
            scheduler.ScheduleAbsolute(ticks, () => _released.Writer.TryWrite(SyntheticSource.Create(name, "login", id, time)));

        public void CompleteAt(long ticks) => scheduler.ScheduleAbsolute(ticks, () => _released.Writer.TryComplete());

        public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                await foreach (var item in _released.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return item;
                }
            }
            finally
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    _cancelled.TrySetResult();
                }
            }
        }
    }
}
