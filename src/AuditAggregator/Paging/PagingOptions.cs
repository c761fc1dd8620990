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
    /// Gets or sets the most pages one read may fetch before it stops with an error, or <see langword="null"/> for no
    /// limit. Default <see langword="null"/>: a window of any length is read to its end.
    /// </summary>
    /// <remarks>
    /// A server that loops is detected without a limit (<see cref="DetectRepeatedPages"/>); a limit is a last-resort
    /// guard, for example on a request budget. A read that hits it fails rather than silently returning part of the
    /// window.
    /// </remarks>
    public int? MaxPages { get; set; }

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
    /// Gets or sets a value indicating whether a server that loops stops the read with an error: a full page whose
    /// items are exactly those of an earlier page (the server ignored the offset, or wrapped around), or more than
    /// <see cref="RememberedPages"/> full pages in a row holding only events already read. Default <see langword="true"/>.
    /// </summary>
    /// <remarks>A read keeps a 64-bit fingerprint of each full page for this, about 40 bytes a page.</remarks>
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
        if (MaxPages is { } maxPages)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPages, nameof(MaxPages));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RememberedPages);
    }
}
