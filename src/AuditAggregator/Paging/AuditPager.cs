using System.Runtime.CompilerServices;
using AuditAggregator.Paging.Internal;
using AuditAggregator.Telemetry;

namespace AuditAggregator.Paging;

/// <summary>
/// The paging engine adapters plug into: it walks a newest-first paged list and yields the events that match a query.
/// </summary>
/// <remarks>
/// <para>It stops on a short or empty page, and (with <see cref="PagingOptions.StopAtWindowStart"/>) after the first
/// page that reaches back past the window's start.</para>
/// <para>New events inserted at the head of a newest-first list shift every later page, so the last items of one
/// page come again at the top of the next: those are dropped by id (the ids of the last <see cref="PagingOptions.RememberedPages"/> pages are kept).</para>
/// <para>A read has no page limit by default: a window of any length is read to its end. What would make a walk run
/// for ever is a server that loops, and that is detected instead (with <see cref="PagingOptions.DetectRepeatedPages"/>):
/// a full page identical to an earlier one (the server ignored the offset, or wrapped around), or more than
/// <see cref="PagingOptions.RememberedPages"/> full pages in a row that hold only events already read. Either fails
/// the read with an <see cref="AuditSourceException"/> of kind <see cref="AuditErrorKind.Paging"/>, and so does a read
/// that reaches <see cref="PagingOptions.MaxPages"/> when a limit is set.</para>
/// <para>With <see cref="PagingOptions.Concurrency"/> above one, several pages are in flight at once and delivered in
/// order; on a list that can shift (<see cref="PagingOptions.ProveBoundaries"/>) the pages overlap by one item and each
/// boundary is proven by that item, or the page is fetched again, so that no event is lost to a page fetched early.</para>
/// </remarks>
public static class AuditPager
{
    /// <summary>
    /// Reads every page of a newest-first list and yields the events that match <paramref name="query"/>.
    /// </summary>
    /// <param name="sourceName">The source's name, for errors.</param>
    /// <param name="fetchPage">Fetches and maps one page.</param>
    /// <param name="query">The filter applied on the client, the window included.</param>
    /// <param name="options">Page size and guards.</param>
    /// <param name="cancellationToken">Stops the read between and within pages.</param>
    /// <returns>The matching events, newest first, each once.</returns>
    /// <exception cref="AuditSourceException">The server repeated a page or looped, or the read reached the page limit.</exception>
    public static IAsyncEnumerable<AuditEvent> ReadAsync(
        string sourceName,
        PageFetcher fetchPage,
        AuditQuery query,
        PagingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.Concurrency is { Max: > 1 } concurrency && (options.PageSize > 1 || !options.ProveBoundaries)
            ? ConcurrentPageWalk.ReadAsync(sourceName, fetchPage, query, options, concurrency, cancellationToken)
            : ReadCoreAsync(sourceName, fetchPage, query, options, options.Concurrency, cancellationToken);
    }

    private static async IAsyncEnumerable<AuditEvent> ReadCoreAsync(
        string sourceName,
        PageFetcher fetchPage,
        AuditQuery query,
        PagingOptions options,
        PageConcurrency? concurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = options.PageSize;
        var seen = new RecentIds(options.RememberedPages * size);
        var earlierPages = options.DetectRepeatedPages ? new PageFingerprints() : null;

        // Full pages in a row that brought no event not already read. A burst of new events at the head can cause a
        // few (as many as the pages it pushed back, fewer than RememberedPages for the dedup to hold); more is a loop.
        var idlePages = 0;

        for (var pageNumber = 0; ; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.MaxPages is { } maxPages && pageNumber >= maxPages)
            {
                throw new AuditSourceException(
                    sourceName,
                    AuditErrorKind.Paging,
                    $"Stopped after {maxPages} pages of {size} while more events remained: the page limit (MaxPages) was reached; raise or remove it, or narrow the window.");
            }

            var request = new PageRequest(pageNumber, (long)pageNumber * size, size);
            IReadOnlyList<AuditEvent> page;
            // One page at a time for the whole source: its other reads (another log of the account) wait their turn.
            if (concurrency is not null)
            {
                await concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                using var activity = AuditTelemetry.StartPage(sourceName, pageNumber, request.Offset, size);
                page = await fetchPage(request, cancellationToken).ConfigureAwait(false);
                activity?.SetTag("auditaggregator.items", page.Count);
            }
            finally
            {
                concurrency?.Exit();
            }

            AuditTelemetry.RecordEvents(sourceName, page.Count);

            if (earlierPages is not null && page.Count == size && earlierPages.Repeats(page, request.Offset, out var earlierOffset))
            {
                throw new AuditSourceException(
                    sourceName,
                    AuditErrorKind.Paging,
                    earlierOffset == request.Offset - size
                        ? $"The server returned the same page at offset {request.Offset} as at offset {earlierOffset}; it ignored the offset, so paging stopped."
                        : $"The server returned the same page at offset {request.Offset} as at offset {earlierOffset}; its paging loops, so paging stopped.");
            }

            var reachedWindowStart = false;
            var newEvents = 0;
            foreach (var item in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (options.StopAtWindowStart && query.From is { } from && item.Time < from)
                {
                    reachedWindowStart = true;
                    continue;
                }

                var id = item.Id;
                if (seen.Contains(id))
                {
                    continue;
                }

                seen.Add(id);
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

            idlePages = newEvents == 0 ? idlePages + 1 : 0;
            if (earlierPages is not null && idlePages > options.RememberedPages)
            {
                throw new AuditSourceException(
                    sourceName,
                    AuditErrorKind.Paging,
                    $"{idlePages} full pages in a row, up to offset {request.Offset}, held only events already read; the server repeats itself, so paging stopped.");
            }
        }
    }
}
