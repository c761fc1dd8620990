namespace AuditAggregator.Paging;

/// <summary>
/// How a vendor names its page parameters. Both advance by the page size from zero.
/// </summary>
public enum PagingStyle
{
    /// <summary><c>startIndex</c> and <c>count</c>, as DocSpace pages.</summary>
    StartIndexCount,

    /// <summary><c>offset</c> and <c>limit</c>, as ExaVault pages.</summary>
    OffsetLimit,
}
