using AuditAggregator.Paging;
using AuditAggregator.Resilience;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The <see cref="PageFetcher"/> of one read: fetches a page of the unfiltered log through the resilience pipeline
/// (request, status and body parse together, so a truncated body is retried), checks it for the no-audit-plan
/// fallback, and maps every item.
/// </summary>
internal sealed class PageReader(
    IDocSpaceLoginHistoryClient client,
    SourceResilience resilience,
    bool includeRawRecord)
{
    private readonly NoAuditPlanGuard _guard = new();

    // Our own client reads pages straight into events; a caller's client gives DTOs, mapped one by one. Raw records
    // are the serialized DTOs, so asking for them takes the DTO path too.
    private readonly LoginPageParser? _parser = client is DocSpaceLoginHistoryClient && !includeRawRecord ? new() : null;

    public async ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var page = await FetchPageAsync(request.Offset, request.Size, cancellationToken).ConfigureAwait(false);
        _guard.Check(request.Offset, request.Size, page);
        if (NoAuditPlanGuard.NeedsProbe(request.Offset, request.Size, page.Count))
        {
            var probe = await FetchPageAsync(NoAuditPlanGuard.FallbackSize, request.Size, cancellationToken).ConfigureAwait(false);
            _guard.Check(NoAuditPlanGuard.FallbackSize, request.Size, probe);
        }

        return page;
    }

    private async ValueTask<IReadOnlyList<AuditEvent>> FetchPageAsync(long offset, int size, CancellationToken cancellationToken)
    {
        if (_parser is null)
        {
            var records = await FetchRawAsync(offset, size, cancellationToken).ConfigureAwait(false);
            var events = new AuditEvent[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                events[i] = LoginEventMapper.Map(records[i], includeRawRecord);
            }

            return events;
        }

        var filter = new DocSpaceLoginFilter { StartIndex = checked((int)offset), Count = size };
        var fast = (DocSpaceLoginHistoryClient)client;
        try
        {
            return await resilience.ExecuteAsync(
                async attemptToken => await fast.GetFilteredEventsAsync(filter, _parser, attemptToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (LoginRecordException ex)
        {
            throw ex.Error;
        }
    }

    /// <summary>
    /// Sends no filter at all: the server pages before it filters, so the window, user, action and outcome are
    /// applied on the client by <see cref="AuditPager"/>.
    /// </summary>
    private ValueTask<IReadOnlyList<DocSpaceLoginEvent>> FetchRawAsync(long offset, int size, CancellationToken cancellationToken)
    {
        var filter = new DocSpaceLoginFilter { StartIndex = checked((int)offset), Count = size };
        return resilience.ExecuteAsync(
            async attemptToken => await client.GetFilteredAsync(filter, attemptToken).ConfigureAwait(false),
            cancellationToken);
    }
}
