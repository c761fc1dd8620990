namespace AuditAggregator.Paging;

/// <summary>
/// Fetches one page and maps every item on it, newest first, without filtering.
/// </summary>
/// <param name="request">The page to fetch.</param>
/// <param name="cancellationToken">Stops the request.</param>
/// <returns>Every item of the page, mapped; the list's count is the number of items the vendor returned.</returns>
public delegate ValueTask<IReadOnlyList<AuditEvent>> PageFetcher(PageRequest request, CancellationToken cancellationToken);
