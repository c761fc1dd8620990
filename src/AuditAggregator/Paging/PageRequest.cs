namespace AuditAggregator.Paging;

/// <summary>
/// One page to fetch.
/// </summary>
/// <param name="PageNumber">The page's number, from zero.</param>
/// <param name="Offset">The index of the page's first item: <c>startIndex</c> or <c>offset</c>.</param>
/// <param name="Size">The number of items asked for: <c>count</c> or <c>limit</c>.</param>
public readonly record struct PageRequest(int PageNumber, long Offset, int Size);
