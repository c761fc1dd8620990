using AuditAggregator.Paging;
using AuditAggregator.Resilience;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The <see cref="PageFetcher"/> of one read: fetches a page of the unfiltered log through
/// <see cref="IDocSpaceLoginHistoryApi"/> inside the resilience pipeline (request, status and body parse together, so
/// a body cut off halfway is retried), checks it for the no-audit-plan fallback, and yields its events.
/// </summary>
internal sealed class PageReader(
    IDocSpaceLoginHistoryApi api,
    SourceResilience resilience,
    LoginPageParser parser)
{
    private readonly NoAuditPlanGuard _guard = new(parser.Source);

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

    /// <summary>
    /// Sends no filter at all: the server pages before it filters, so the window, user, action and outcome are
    /// applied on the client by <see cref="AuditPager"/>.
    /// </summary>
    private async ValueTask<IReadOnlyList<AuditEvent>> FetchPageAsync(long offset, int size, CancellationToken cancellationToken)
    {
        var startIndex = checked((int)offset);
        try
        {
            return await resilience.ExecuteAsync(
                async attemptToken => await DocSpaceCall.ReadAsync(
                    parser.Source,
                    token => api.GetFilterAsync(count: size, startIndex: startIndex, cancellationToken: token),
                    (response, token) => DocSpacePageBody.ReadLoginAsync(response, parser, size, token),
                    resilience.TimeProvider,
                    attemptToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (LoginRecordException ex)
        {
            throw ex.Error;
        }
    }
}
