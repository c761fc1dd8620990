using System.Runtime.CompilerServices;
using AuditAggregator.Telemetry;

namespace AuditAggregator.Paging.Internal;

/// <summary>
/// The concurrent walk of <see cref="AuditPager"/>: several pages in flight, delivered in order, each page boundary
/// proven when the list can shift (see <see cref="PagingOptions.ProveBoundaries"/>).
/// </summary>
/// <remarks>
/// <para>Why the overlap proves a boundary: a newest-first list only grows at its head, so a request at offset
/// <c>o</c> made after <c>d</c> insertions returns what sat at <c>o - d</c> before them. Page <c>k</c> at offset
/// <c>k * stride</c> ends with the item at <c>k * stride + size - 1 - d(k)</c>; page <c>k + 1</c> contains that item
/// exactly when <c>0 &lt;= d(k+1) - d(k) &lt;= size - 2</c> with a stride of <c>size - 1</c>. Fewer insertions
/// before page <c>k + 1</c> than before page <c>k</c> (it was fetched first) may leave a gap, and it then does not
/// contain the item: it is fetched again, now, after page <c>k</c>, so that it sees at least page <c>k</c>'s shift.
/// More than <c>size - 2</c> insertions between the two push page <c>k + 1</c> wholly before the item: it is passed
/// over and the next page is tried.</para>
/// <para>The reads of pages the walk turns out not to need (past a short page, or the window's start) are cancelled
/// and their results, failures included, dropped.</para>
/// </remarks>
internal static class ConcurrentPageWalk
{
    /// <summary>How many times one page is fetched again before an unprovable boundary fails the read.</summary>
    public const int MaxRefetches = 3;

    /// <summary>
    /// The most fetched pages a read keeps waiting for its consumer before it asks for more: a read whose consumer is
    /// slower than the link (one log of a source waiting in the merge for the other) holds this many, not its whole
    /// look-ahead of pages.
    /// </summary>
    public const int MaxReadyPages = 2;

    public static async IAsyncEnumerable<AuditEvent> ReadAsync(
        string sourceName,
        PageFetcher fetchPage,
        AuditQuery query,
        PagingOptions options,
        PageConcurrency concurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = options.PageSize;
        var prove = options.ProveBoundaries;
        var stride = prove ? size - 1 : size;
        var seen = new RecentIds(options.RememberedPages * size);
        // On a list that shifts, a page can equal an earlier one without any loop (exactly a stride of new events
        // between the two requests, likelier with many in flight); a server that ignores the offset or wraps around
        // is caught there by the pages in a row that bring nothing new. Fingerprints serve only fixed lists.
        var earlierPages = options.DetectRepeatedPages && !prove ? new PageFingerprints() : null;
        var inFlight = new Queue<(PageRequest Request, Task<IReadOnlyList<AuditEvent>> Page)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var nextPage = 0;
        var allowed = 1;
        var idlePages = 0;
        AuditEvent? last = null;
        AuditEvent? first = null;
        long walked = 0;
        concurrency.BeginRead();
        try
        {
            while (true)
            {
                // How far this read looks ahead of its consumer (MayAskForMore caps it at its share); the source's
                // slots (PageConcurrency) decide how many of those pages are on the wire at once, across its reads.
                var limit = Math.Min(allowed, PagesLeft(query, options, first, last, walked, stride));
                while (inFlight.Count < limit && MayAskForMore(inFlight, concurrency) && (options.MaxPages is not { } maxPages || nextPage < maxPages))
                {
                    var request = new PageRequest(nextPage, (long)nextPage * stride, size);
                    inFlight.Enqueue((request, FetchAsync(sourceName, fetchPage, request, concurrency, stop.Token)));
                    nextPage++;
                }

                if (inFlight.Count == 0)
                {
                    throw new AuditSourceException(
                        sourceName,
                        AuditErrorKind.Paging,
                        $"Stopped after {options.MaxPages} pages of {size} while more events remained: the page limit (MaxPages) was reached; raise or remove it, or narrow the window.");
                }

                cancellationToken.ThrowIfCancellationRequested();
                var (current, pending) = inFlight.Dequeue();
                var page = await pending.ConfigureAwait(false);
                var start = 0;
                if (prove && last is not null)
                {
                    var refetches = 0;
                    int at;
                    while ((at = IndexOf(page, last.Id)) < 0 && !IsWhollyNewer(page, last, seen))
                    {
                        if (++refetches > MaxRefetches)
                        {
                            throw new AuditSourceException(
                                sourceName,
                                AuditErrorKind.Paging,
                                $"The page at offset {current.Offset} never contained the last event of the page before it ({MaxRefetches} tries), so no boundary between them could be proven; paging stopped rather than risk a gap.");
                        }

                        page = await FetchAsync(sourceName, fetchPage, current, concurrency, stop.Token).ConfigureAwait(false);
                    }

                    if (at < 0)
                    {
                        // More new events than a page arrived between two requests: this page lies wholly before the
                        // last one delivered; the next offset carries on from it.
                        if (options.DetectRepeatedPages && ++idlePages > options.RememberedPages)
                        {
                            throw Idle(sourceName, idlePages, current.Offset);
                        }

                        allowed = 1;
                        continue;
                    }

                    start = at + 1;
                }

                if (earlierPages is not null && page.Count == size && earlierPages.Repeats(page, current.Offset, out var earlierOffset))
                {
                    throw new AuditSourceException(
                        sourceName,
                        AuditErrorKind.Paging,
                        $"The server returned the same page at offset {current.Offset} as at offset {earlierOffset}; its paging ignores the offset or loops, so paging stopped.");
                }

                var reachedWindowStart = false;
                var newEvents = 0;
                for (var i = start; i < page.Count; i++)
                {
                    var item = page[i];
                    cancellationToken.ThrowIfCancellationRequested();
                    if (options.StopAtWindowStart && query.From is { } from && item.Time < from)
                    {
                        reachedWindowStart = true;
                        continue;
                    }

                    if (seen.Contains(item.Id))
                    {
                        continue;
                    }

                    seen.Add(item.Id);
                    newEvents++;
                    if (query.Matches(item))
                    {
                        yield return item;
                    }
                }

                if (page.Count < size || reachedWindowStart)
                {
                    yield break;
                }

                first ??= page[0];
                last = page[^1];
                walked += page.Count - start;
                // One full page says there is more. With a window start, the estimate of the pages left caps the
                // look-ahead, so as many as the limit allows; without one nothing tells a long read from a short one,
                // so the look-ahead grows by one with each full page (1, 2, 3, ...): the pages fetched past the end
                // are then fewer than those the read needed, not the whole limit (every request is billed somewhere).
                allowed = PagesLeft(query, options, first, last, walked, stride) == int.MaxValue
                    ? Math.Min(concurrency.Max, allowed + 1)
                    : concurrency.Max;
                idlePages = newEvents == 0 ? idlePages + 1 : 0;
                if (options.DetectRepeatedPages && idlePages > options.RememberedPages)
                {
                    throw Idle(sourceName, idlePages, current.Offset);
                }
            }
        }
        finally
        {
            concurrency.EndRead();
            await stop.CancelAsync().ConfigureAwait(false);
            while (inFlight.TryDequeue(out var abandoned))
            {
                try
                {
                    await abandoned.Page.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A page the walk no longer needs: its failure, cancellation included, is not the read's.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }

    private static async Task<IReadOnlyList<AuditEvent>> FetchAsync(string sourceName, PageFetcher fetchPage, PageRequest request, PageConcurrency concurrency, CancellationToken cancellationToken)
    {
        await concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = AuditTelemetry.StartPage(sourceName, request.PageNumber, request.Offset, request.Size);
            var page = await fetchPage(request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("auditaggregator.items", page.Count);
            AuditTelemetry.RecordEvents(sourceName, page.Count);
            return page;
        }
        finally
        {
            concurrency.Exit();
        }
    }

    /// <summary>
    /// How many pages the rest of the window probably holds, plus one, from the pace of the pages so far: no more are
    /// fetched ahead, so that a read of a time window costs hardly a request more than a sequential one. Only the
    /// look-ahead depends on it; which pages are read does not.
    /// </summary>
    private static int PagesLeft(AuditQuery query, PagingOptions options, AuditEvent? first, AuditEvent? last, long walked, int stride)
    {
        if (!options.StopAtWindowStart || query.From is not { } from || first is null || last is null || walked <= 0)
        {
            return int.MaxValue;
        }

        var covered = (first.Time - last.Time).TotalTicks;
        var left = (last.Time - from).TotalTicks;
        if (covered <= 0 || left <= 0)
        {
            return 1;
        }

        var events = walked * (left / covered);
        return events / stride >= int.MaxValue - 2 ? int.MaxValue : (int)Math.Ceiling(events / stride) + 1;
    }

    /// <summary>
    /// Whether a read asks for one more page: up to its share of the source's limit (the source's reads split the
    /// pages held, so memory stays bounded by the limit's pages per source), and not while it holds
    /// <see cref="MaxReadyPages"/> fetched pages its consumer has not taken yet.
    /// </summary>
    private static bool MayAskForMore(Queue<(PageRequest Request, Task<IReadOnlyList<AuditEvent>> Page)> inFlight, PageConcurrency concurrency)
    {
        var ready = 0;
        foreach (var (_, page) in inFlight)
        {
            if (page.IsCompleted && ++ready >= MaxReadyPages)
            {
                return false;
            }
        }

        return inFlight.Count < concurrency.Share;
    }

    private static int IndexOf(IReadOnlyList<AuditEvent> page, string id)
    {
        for (var i = page.Count - 1; i >= 0; i--)
        {
            if (string.Equals(page[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Tells a page that lies wholly before <paramref name="last"/> in the list (every item already read, or its
    /// oldest item newer) from one that may leave a gap after it (empty, or reaching back past it).
    /// </summary>
    private static bool IsWhollyNewer(IReadOnlyList<AuditEvent> page, AuditEvent last, RecentIds seen)
    {
        if (page.Count == 0)
        {
            return false;
        }

        if (page[^1].Time > last.Time)
        {
            return true;
        }

        for (var i = 0; i < page.Count; i++)
        {
            if (!seen.Contains(page[i].Id))
            {
                return false;
            }
        }

        return true;
    }

    private static AuditSourceException Idle(string sourceName, int idlePages, long offset) => new(
        sourceName,
        AuditErrorKind.Paging,
        $"{idlePages} full pages in a row, up to offset {offset}, held only events already read; the server repeats itself, so paging stopped.");
}
