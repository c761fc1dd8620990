using AuditAggregator.Paging;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Paging;

public class AuditPagerTests
{
    private static readonly Instant Newest = Instant.FromUtc(2025, 6, 2, 12, 0);

    /// <summary>A newest-first list of events with growing ids, one a minute, that new events can be inserted into.</summary>
    private sealed class FakeLog
    {
        private readonly List<AuditEvent> _newestFirst = [];
        private long _nextId = 1;

        public FakeLog(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Insert();
            }
        }

        public List<PageRequest> Requests { get; } = [];

        public Action<PageRequest>? BeforePage { get; set; }

        public IReadOnlyList<AuditEvent> All => _newestFirst;

        public void Insert()
        {
            var id = _nextId++;
            _newestFirst.Insert(0, SyntheticSource.Create("s", "login", id, Newest - Duration.FromHours(100) + Duration.FromMinutes(id)));
        }

        public ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BeforePage?.Invoke(request);
            Requests.Add(request);
            IReadOnlyList<AuditEvent> page = _newestFirst.Skip((int)request.Offset).Take(request.Size).ToList();
            return ValueTask.FromResult(page);
        }
    }

    private static PagingOptions Options(int size = 10) => new() { PageSize = size };

    [Fact]
    public async Task ReadAsync_LastPageShort_StopsWithoutAnotherRequest()
    {
        var log = new FakeLog(25);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options()).ToListAsync();

        Assert.Equal(25, events.Count);
        Assert.Equal([0L, 10L, 20L], log.Requests.Select(r => r.Offset));
    }

    [Fact]
    public async Task ReadAsync_ExactMultiple_EndsOnEmptyPage()
    {
        var log = new FakeLog(20);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options()).ToListAsync();

        Assert.Equal(20, events.Count);
        Assert.Equal(3, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_EventsInsertedAtHeadWhilePaging_DeliversEachEventOnce()
    {
        var log = new FakeLog(45);
        var expected = log.All.Select(e => e.Id).ToHashSet();
        log.BeforePage = r =>
        {
            if (r.PageNumber > 0)
            {
                log.Insert();
                log.Insert();
                log.Insert();
            }
        };

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options()).ToListAsync();
        var ids = events.Select(e => e.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expected, ids.ToHashSet());
    }

    [Fact]
    public async Task ReadAsync_ServerIgnoresOffset_FailsNamingTheSource()
    {
        var log = new FakeLog(50);
        PageFetcher ignoresOffset = (r, ct) => log.FetchAsync(r with { Offset = 0 }, ct);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(
            () => AuditPager.ReadAsync("docspace", ignoresOffset, AuditQuery.All, Options()).ToListAsync().AsTask());

        Assert.Equal("docspace", ex.SourceName);
        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
        Assert.Contains("same page", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanAllowed_FailsInsteadOfTruncating()
    {
        var log = new FakeLog(100);
        var options = Options();
        options.MaxPages = 3;

        var ex = await Assert.ThrowsAsync<AuditSourceException>(
            () => AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, options).ToListAsync().AsTask());

        Assert.Contains("3 pages", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_MoreThanTenThousandPagesAndNoLimit_ReadsTheWholeLog()
    {
        var log = new FakeLog(20_011);

        var count = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(2)).CountAsync();

        Assert.Equal(20_011, count);
        Assert.Equal(10_006, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_ServerCyclesThroughThreePages_FailsAtTheFirstRepeatedPage()
    {
        // Offsets wrap after 30 items: pages 0, 10, 20, then 0 again for ever. Each page differs from the one
        // before, and with two remembered pages the wrapped page's ids look new.
        var log = new FakeLog(30);
        PageFetcher wraps = (r, ct) => log.FetchAsync(r with { Offset = r.Offset % 30 }, ct);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(
            () => AuditPager.ReadAsync("exavault", wraps, AuditQuery.All, Options()).ToListAsync().AsTask());

        Assert.Equal("exavault", ex.SourceName);
        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
        Assert.Contains("same page at offset 30 as at offset 0", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_ServerReshufflesTheSameEvents_FailsOnceNoPageBringsAnythingNew()
    {
        // Every request answers the ten newest events in a different order: no page repeats exactly, but none
        // after the first brings an event not already read.
        var log = new FakeLog(50);
        PageFetcher reshuffles = (r, ct) =>
        {
            log.Requests.Add(r);
            var shift = (int)(r.PageNumber % 10);
            IReadOnlyList<AuditEvent> page = [.. log.All.Take(10).Skip(shift), .. log.All.Take(shift)];
            return ValueTask.FromResult(page);
        };

        var ex = await Assert.ThrowsAsync<AuditSourceException>(
            () => AuditPager.ReadAsync("s", reshuffles, AuditQuery.All, Options()).ToListAsync().AsTask());

        Assert.Equal(AuditErrorKind.Paging, ex.Kind);
        Assert.Contains("only events already read", ex.Message, StringComparison.Ordinal);

        // The first page, then RememberedPages + 1 = 3 pages that brought nothing.
        Assert.Equal(4, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_WindowBehindNewerEvents_PagesPastThemAndStopsAtWindowStart()
    {
        var log = new FakeLog(300);
        var newestFirst = log.All;
        var query = AuditQuery.Between(newestFirst[250].Time, newestFirst[200].Time);

        var events = await AuditPager.ReadAsync("s", log.FetchAsync, query, Options(100)).ToListAsync();

        Assert.Equal(newestFirst.Skip(201).Take(50).Select(e => e.Id), events.Select(e => e.Id));
        Assert.Equal(3, log.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_CancelledMidPage_StopsYieldingAndRequesting()
    {
        var log = new FakeLog(50);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, Options(), cts.Token))
            {
                if (++seen == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(5, seen);
        Assert.Single(log.Requests);
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileFetching_PropagatesCancellation()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        PageFetcher hangs = async (r, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        };

        var read = AuditPager.ReadAsync("s", hangs, AuditQuery.All, Options(), cts.Token).ToListAsync().AsTask();
        await started.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(4, true)]
    public async Task ReadAsync_MoreThanAPageInsertedBetweenRequests_RememberedPagesDecideTheDedup(int rememberedPages, bool exactlyOnce)
    {
        var log = new FakeLog(60);
        var expected = log.All.Select(e => e.Id).ToHashSet();
        log.BeforePage = r =>
        {
            if (r.PageNumber == 3)
            {
                for (var i = 0; i < 35; i++)
                {
                    log.Insert();
                }
            }
        };
        var options = Options();
        options.RememberedPages = rememberedPages;

        var ids = await AuditPager.ReadAsync("s", log.FetchAsync, AuditQuery.All, options).Select(e => e.Id).ToListAsync();

        Assert.Subset(ids.ToHashSet(), expected);
        Assert.Equal(exactlyOnce, ids.Count == ids.Distinct().Count());
    }
}
