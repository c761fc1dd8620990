using System.Runtime.CompilerServices;
using AuditAggregator.Resilience;
using AuditAggregator.Telemetry;
using NodaTime;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads one window of the audit trail through <see cref="IDocSpaceAuditTrailApi"/>, newest first, each event once.
/// </summary>
/// <remarks>
/// <para>The server filters before it pages, so the window is sent as <c>from</c> and <c>to</c> (both included on
/// the server; the window's end, excluded, is sent a tick earlier). Instead of walking <c>startIndex</c>, which new
/// events at the head would shift, each next page moves <c>to</c> down to the oldest date of the page just read and
/// drops the ids already read at that date: new events never shift such a page, and events sharing a second, which
/// the server may order differently from one query to the next, are neither repeated nor skipped. Only when a whole
/// page shares one second does the walk step over it with <c>startIndex</c>.</para>
/// <para>Each fetch (request and parse together) runs inside the source's <see cref="SourceResilience"/>
/// pipeline; every answer is checked by <see cref="TrailPlanGuard"/> for the no-audit-plan fallback.</para>
/// </remarks>
internal sealed class TrailReader(IDocSpaceAuditTrailApi api, SourceResilience resilience, TrailPageParser parser, DocSpaceOptions options)
{
    private static readonly Duration Tick = Duration.FromTicks(1);
    private readonly TrailPlanGuard _guard = new(parser.Source);

    public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = parser.Source;
        var size = options.PageSize;
        var from = query.From;
        var to = query.To is { } end ? end - Tick : (Instant?)null;
        var startIndex = 0;
        Instant? boundary = null;
        var atBoundary = new HashSet<string>(StringComparer.Ordinal);
        for (var pageNumber = 0; ; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pageNumber >= options.MaxPages)
            {
                throw new AuditSourceException(
                    source,
                    AuditErrorKind.Paging,
                    $"Stopped after {options.MaxPages} audit-trail pages of {size} while more events remained: the page limit (MaxPages) was reached; raise or remove it, or narrow the window.");
            }

            var page = await FetchAsync(pageNumber, from, to, startIndex, size, cancellationToken).ConfigureAwait(false);
            _guard.Check(from, to, size, page);
            if (TrailPlanGuard.NeedsProbe(pageNumber, size, page.Count))
            {
                var probeTo = Oldest(page) - Tick;
                var probeFrom = from <= probeTo ? from : null;
                var probe = await FetchAsync(pageNumber, probeFrom, probeTo, 0, size, cancellationToken).ConfigureAwait(false);
                _guard.Check(probeFrom, probeTo, size, probe);
            }

            var fresh = 0;
            foreach (var item in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (boundary is { } b && item.Time == b && atBoundary.Contains(item.SourceId))
                {
                    continue;
                }

                fresh++;
                if (query.Matches(item))
                {
                    yield return item;
                }
            }

            if (page.Count < size)
            {
                yield break;
            }

            if (fresh == 0)
            {
                throw new AuditSourceException(
                    source,
                    AuditErrorKind.Paging,
                    $"A full audit-trail page up to {DocSpaceQuery.Time(to!.Value.ToDateTimeOffset())} held only events already read; the server repeats itself, so paging stopped.");
            }

            var oldest = Oldest(page);
            if (boundary != oldest)
            {
                boundary = oldest;
                atBoundary.Clear();
            }

            foreach (var item in page)
            {
                if (item.Time == oldest)
                {
                    atBoundary.Add(item.SourceId);
                }
            }

            // The next page starts at the oldest second read; its events already read there are dropped above.
            // Only when they fill a page would that make no progress, so then their number is skipped instead.
            to = oldest;
            startIndex = atBoundary.Count >= size ? atBoundary.Count : 0;
        }
    }

    private static Instant Oldest(List<AuditEvent> page)
    {
        var oldest = page[0].Time;
        foreach (var item in page)
        {
            if (item.Time < oldest)
            {
                oldest = item.Time;
            }
        }

        return oldest;
    }

    private async ValueTask<List<AuditEvent>> FetchAsync(int pageNumber, Instant? from, Instant? to, int startIndex, int size, CancellationToken cancellationToken)
    {
        var fromText = from is { } f ? DocSpaceQuery.Time(f.ToDateTimeOffset()) : null;
        var toText = to is { } t ? DocSpaceQuery.Time(t.ToDateTimeOffset()) : null;
        using var activity = AuditTelemetry.StartPage(parser.Source, pageNumber, startIndex, size);
        try
        {
            var page = await resilience.ExecuteAsync(
                async attemptToken => await DocSpaceCall.ReadAsync(
                    parser.Source,
                    DocSpaceFeature.AuditTrail,
                    token => api.GetFilterAsync(from: fromText, to: toText, count: size, startIndex: startIndex == 0 ? null : startIndex, cancellationToken: token),
                    (response, token) => DocSpacePageBody.ReadTrailAsync(response, parser, size, token),
                    resilience.TimeProvider,
                    attemptToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            activity?.SetTag("auditaggregator.items", page.Count);
            AuditTelemetry.RecordEvents(parser.Source, page.Count);
            return page;
        }
        catch (LoginRecordException ex)
        {
            throw ex.Error;
        }
    }
}
