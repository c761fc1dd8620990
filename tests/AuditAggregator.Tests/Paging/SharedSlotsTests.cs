using AuditAggregator.Paging;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Paging;

/// <summary>
/// The reads of one source (the two logs of an ExaVault account, the login history and audit trail of a portal)
/// share its <see cref="PageConcurrency"/>: never more requests on the wire than its limit in total, first come first
/// served, and a read whose consumer is away holds few fetched pages.
/// </summary>
public class SharedSlotsTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 6, 2, 12, 0);

    /// <summary>A fixed newest-first log whose requests are counted, alone and together with the other logs' of a source.</summary>
    private sealed class CountingLog(string stream, int events, InFlight shared)
    {
        private int _inFlight;

        public int Most { get; private set; }

        public async ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
        {
            var mine = Interlocked.Increment(ref _inFlight);
            lock (this)
            {
                Most = Math.Max(Most, mine);
            }

            shared.Enter();
            try
            {
                await Task.Delay(3, cancellationToken);
                return Enumerable.Range(1, events).Reverse().Skip((int)request.Offset).Take(request.Size)
                    .Select(n => SyntheticSource.Create("s", stream, n, Start + Duration.FromMinutes(n))).ToList();
            }
            finally
            {
                shared.Exit();
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private sealed class InFlight
    {
        private int _now;

        public int Most { get; private set; }

        public void Enter()
        {
            var now = Interlocked.Increment(ref _now);
            lock (this)
            {
                Most = Math.Max(Most, now);
            }
        }

        public void Exit() => Interlocked.Decrement(ref _now);
    }

    private static PagingOptions Options(PageConcurrency concurrency) =>
        new() { PageSize = 10, Concurrency = concurrency, ProveBoundaries = false };

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task ReadAsync_TwoReadsOfOneSource_NeverMoreOnTheWireThanTheLimitInTotal(int limit)
    {
        var concurrency = new PageConcurrency(limit);
        var shared = new InFlight();
        var sessions = new CountingLog("session", 600, shared);
        var webhooks = new CountingLog("webhook", 400, shared);

        var read = await Task.WhenAll(
            AuditPager.ReadAsync("s", sessions.FetchAsync, AuditQuery.All, Options(concurrency)).ToListAsync().AsTask(),
            AuditPager.ReadAsync("s", webhooks.FetchAsync, AuditQuery.All, Options(concurrency)).ToListAsync().AsTask());

        Assert.Equal([600, 400], read.Select(r => r.Count));
        Assert.Equal(limit, shared.Most);
        Assert.Equal(0, concurrency.Busy);
    }

    [Fact]
    public async Task ReadAsync_ConsumerAway_HoldsNoMoreFetchedPagesThanMaxReadyPages()
    {
        // Pages arrive at once here, so a read with a look-ahead of 6 would have 6 fetched pages waiting for a
        // consumer that is busy elsewhere; it keeps two, and asks for more as its consumer takes them.
        var requests = 0;
        ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            IReadOnlyList<AuditEvent> page = Enumerable.Range(1, 1000).Reverse().Skip((int)request.Offset).Take(request.Size)
                .Select(n => SyntheticSource.Create("s", "login", n, Start + Duration.FromMinutes(n))).ToList();
            return ValueTask.FromResult(page);
        }

        var query = AuditQuery.All with { From = Start - Duration.FromDays(1) };
        await using var read = AuditPager.ReadAsync("s", FetchAsync, query, Options(new PageConcurrency(6))).GetAsyncEnumerator();
        for (var i = 0; i < 15; i++)
        {
            Assert.True(await read.MoveNextAsync());
        }

        // The first page, the one being delivered, and two waiting.
        Assert.InRange(requests, 2, 2 + AuditAggregator.Paging.Internal.ConcurrentPageWalk.MaxReadyPages);
    }

    [Fact]
    public async Task EnterAsync_WaitersServedInOrderAndACancelledWaiterTakesNoSlot()
    {
        var concurrency = new PageConcurrency(1);
        await concurrency.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = concurrency.EnterAsync(cancel.Token);
        var second = concurrency.EnterAsync(CancellationToken.None);
        var third = concurrency.EnterAsync(CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(second.IsCompleted);
        concurrency.Exit();
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(third.IsCompleted);
        concurrency.Exit();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        concurrency.Exit();

        Assert.Equal(0, concurrency.Busy);
    }

    [Fact]
    public async Task EnterAsync_LimitRaisedBySuccesses_AdmitsTheWaiter()
    {
        var concurrency = new PageConcurrency(2);
        concurrency.Throttled();
        await concurrency.EnterAsync(CancellationToken.None);
        var waiting = concurrency.EnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        // Four times the limit of successes in a row raise it by one, with no slot given back.
        for (var i = 0; i < 4; i++)
        {
            concurrency.Succeeded();
        }

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, concurrency.Busy);
    }
}
