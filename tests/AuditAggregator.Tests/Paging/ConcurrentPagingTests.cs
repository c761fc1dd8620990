using AuditAggregator.Paging;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Paging;

/// <summary>
/// Several pages in flight at once, delivered in order, on a newest-first list that gains events at its head while
/// the pages are served in any order: each event exactly once.
/// </summary>
public class ConcurrentPagingTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 6, 2, 12, 0);

    /// <summary>
    /// A newest-first log of <c>initial</c> events and of events still to arrive; each request sees as many of the
    /// arrivals as its script says, as if the server had served the requests in another order than they were sent.
    /// </summary>
    private sealed class ScriptedLog(int initial, int arriving, Func<int, int> arrivalsSeenByRequest)
    {
        private readonly Lock _gate = new();

        public List<PageRequest> Requests { get; } = [];

        public IEnumerable<string> Initial => Enumerable.Range(1, initial).Reverse().Select(Id);

        public ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
        {
            int index;
            lock (_gate)
            {
                index = Requests.Count;
                Requests.Add(request);
            }

            var seen = Math.Min(arriving, arrivalsSeenByRequest(index));
            IReadOnlyList<AuditEvent> page = Enumerable.Range(1, initial + seen).Reverse()
                .Skip((int)request.Offset).Take(request.Size).Select(Event).ToList();
            return ValueTask.FromResult(page);
        }

        private static string Id(int n) => SyntheticSource.Create("s", "login", n, Start).Id;

        private static AuditEvent Event(int n) => SyntheticSource.Create("s", "login", n, Start + Duration.FromMinutes(n));
    }

    private static PagingOptions Options(int size, int concurrency, bool prove = true) =>
        new() { PageSize = size, Concurrency = new PageConcurrency(concurrency), ProveBoundaries = prove };

    [Fact]
    public async Task ReadAsync_PageServedBeforeTheInsertsThePreviousPageSaw_RefetchesTheGapAndDeliversEachEventOnce()
    {
        // Page 1 (offset 9) is served after 3 arrivals, page 2 (offset 18) before them: page 2 then starts 3 events
        // after page 1's last one. Its refetch, and every later request, sees the arrivals.
        var log = new ScriptedLog(40, 3, i => i == 0 || i == 2 ? 0 : 3);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(10, 4)).ToListAsync();

        Assert.Equal(log.Initial, events.Select(e => e.Id));
        Assert.Equal(2, log.Requests.Count(r => r.Offset == 18));
    }

    [Fact]
    public async Task ReadAsync_SameScriptWithoutBoundaryProof_LosesTheGap()
    {
        // The contrast that shows what the proof is for: taken as a fixed list, the same answers leave out 3 events.
        var log = new ScriptedLog(40, 3, i => i == 0 || i == 2 ? 0 : 3);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(10, 4, prove: false)).ToListAsync();

        Assert.Equal(37, events.Count);
    }

    [Fact]
    public async Task ReadAsync_MoreArrivalsThanAPageBetweenTwoRequests_PassesOverTheShiftedPageAndMissesNothing()
    {
        // From the second request on, 25 arrivals (more than two pages of 10) are visible: page 1 then lies wholly
        // before page 0's last event and is passed over; the next offsets carry on from it.
        var log = new ScriptedLog(60, 25, i => i == 0 ? 0 : 25);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(10, 3)).ToListAsync();

        Assert.Equal(log.Initial, events.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadAsync_InsertsBeforeEveryRequestServedInRandomOrder_DeliversEveryEventOnceNewestFirst()
    {
        var random = new Random(11);
        var gate = new Lock();
        var log = new List<AuditEvent>();
        var nextId = 1;
        void Insert()
        {
            var id = nextId++;
            log.Insert(0, SyntheticSource.Create("s", "login", id, Start + Duration.FromSeconds(id)));
        }

        for (var i = 0; i < 3000; i++)
        {
            Insert();
        }

        var initial = log.Select(e => e.Id).ToList();
        async ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
        {
            int delay;
            lock (gate)
            {
                delay = random.Next(0, 4);
            }

            // Served after a random delay, so that pages sent later are often served first, with 0 to 4 arrivals.
            await Task.Delay(delay, cancellationToken);
            lock (gate)
            {
                for (var n = random.Next(0, 5); n > 0; n--)
                {
                    Insert();
                }

                return log.Skip((int)request.Offset).Take(request.Size).ToList();
            }
        }

        var events = await AuditPager.ReadAsync("s", FetchAsync, AuditQuery.All, Options(20, 8)).ToListAsync();

        var ids = events.Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(ids.ToHashSet(StringComparer.Ordinal), initial.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(initial, ids.Where(initial.ToHashSet(StringComparer.Ordinal).Contains));
        Assert.Equal(events.OrderByDescending(e => e.Time).Select(e => e.Id), ids);
    }

    [Fact]
    public async Task ReadAsync_PageFailsMidRead_DeliversThePagesBeforeItInOrderThenThrows()
    {
        var log = new ScriptedLog(200, 0, _ => 0);
        ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken) =>
            request.PageNumber == 5
                ? ValueTask.FromException<IReadOnlyList<AuditEvent>>(new AuditSourceException("s", AuditErrorKind.Network, "the connection broke"))
                : log.FetchAsync(request, cancellationToken);
        var delivered = new List<AuditEvent>();

        var error = await Assert.ThrowsAsync<AuditSourceException>(async () =>
        {
            await foreach (var e in AuditPager.ReadAsync("s", FetchAsync, AuditQuery.All, Options(10, 4)))
            {
                delivered.Add(e);
            }
        });

        Assert.Equal(AuditErrorKind.Network, error.Kind);
        Assert.Equal(log.Initial.Take(5 * 9 + 1), delivered.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadAsync_ShortRead_CostsOneRequest()
    {
        var log = new ScriptedLog(7, 0, _ => 0);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(10, 8)).ToListAsync();

        Assert.Equal(7, events.Count);
        Assert.Single(log.Requests);
    }

    [Theory]
    [InlineData(25, 3)]
    [InlineData(95, 10)]
    [InlineData(400, 41)]
    public async Task ReadAsync_NoWindowStart_FetchesFewerPagesPastTheEndThanItNeeded(int events, int pagesNeeded)
    {
        // Nothing estimates how many pages are left, so the look-ahead grows with the read instead of jumping to 8.
        var log = new ScriptedLog(events, 0, _ => 0);

        var read = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(10, 8, prove: false)).ToListAsync();

        Assert.Equal(events, read.Count);
        Assert.InRange(log.Requests.Count, pagesNeeded, pagesNeeded + Math.Min(pagesNeeded - 1, 7));
    }

    [Fact]
    public async Task ReadAsync_ConcurrencyLoweredMidRead_NoMoreRequestsInFlightThanTheNewLimit()
    {
        var concurrency = new PageConcurrency(8);
        var inFlight = 0;
        var most = 0;
        var mostLate = 0;
        var log = new ScriptedLog(2000, 0, _ => 0);
        async ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            most = Math.Max(most, now);
            if (request.PageNumber >= 45)
            {
                mostLate = Math.Max(mostLate, now);
            }

            try
            {
                await Task.Delay(2, cancellationToken);
                if (request.PageNumber == 30)
                {
                    // What SourceResilience does on a 429.
                    concurrency.Throttled();
                    concurrency.Throttled();
                }

                return await log.FetchAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        var options = Options(10, 8);
        options.Concurrency = concurrency;
        var events = await AuditPager.ReadAsync("s", FetchAsync, AuditQuery.All, options).ToListAsync();

        Assert.Equal(2000, events.Count);
        Assert.Equal(8, most);
        Assert.Equal(2, concurrency.Current);

        // Requests already in flight when the 429 came finish; once they have, no more than the new limit run.
        Assert.InRange(mostLate, 1, 2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_ServerIgnoresTheOffset_FailsAsPagingInsteadOfLooping(bool prove)
    {
        var log = new ScriptedLog(100, 0, _ => 0);
        ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken) =>
            log.FetchAsync(request with { Offset = 0 }, cancellationToken);

        var error = await Assert.ThrowsAsync<AuditSourceException>(async () => await AuditPager.ReadAsync("s", FetchAsync, AuditQuery.All, Options(10, 4, prove)).ToListAsync());

        Assert.Equal(AuditErrorKind.Paging, error.Kind);
        Assert.True(log.Requests.Count < 20, $"{log.Requests.Count} requests");
    }
}
