namespace AuditAggregator.Paging;

/// <summary>
/// Options of <see cref="AuditPager"/>.
/// </summary>
public sealed class PagingOptions
{
    /// <summary>
    /// Gets or sets the number of items asked for per page. Default 100.
    /// </summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets the most pages one read may fetch before it stops with an error. Default 10,000.
    /// </summary>
    /// <remarks>A read that hits the limit fails rather than silently returning part of the window.</remarks>
    public int MaxPages { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how the vendor names its page parameters. Default <see cref="PagingStyle.StartIndexCount"/>.
    /// </summary>
    public PagingStyle Style { get; set; } = PagingStyle.StartIndexCount;

    /// <summary>
    /// Gets or sets a value indicating whether paging stops after the first page that holds an event older than
    /// the window's start. Right for newest-first sources; default <see langword="true"/>.
    /// </summary>
    public bool StopAtWindowStart { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether a full page whose items are exactly those of the previous page stops
    /// the read with an error (the server ignored the offset). Default <see langword="true"/>.
    /// </summary>
    public bool DetectRepeatedPages { get; set; } = true;

    /// <summary>
    /// Gets or sets how many pages of ids the read remembers to drop events that new events pushed onto a later
    /// page. Default 2: enough while fewer than a page of events arrives between two requests. Memory is this many
    /// pages of ids, whatever the length of the read.
    /// </summary>
    public int RememberedPages { get; set; } = 2;

    /// <summary>
    /// Throws when the options are out of range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or limit is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PageSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RememberedPages);
    }
}
