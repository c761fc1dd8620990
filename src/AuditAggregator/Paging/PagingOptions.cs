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
    /// Gets or sets how many pages may be fetched at once, or <see langword="null"/> (default) to fetch one after
    /// another. Pages are delivered in order whatever order they arrive in, and memory stays bounded by the limit.
    /// </summary>
    /// <remarks>
    /// A read starts with one request, so a short read costs one. With a window start, once a page comes back full
    /// it asks for up to its share of <see cref="PageConcurrency.Current"/> (the limit split between the reads running
    /// at once) pages ahead, no more than the window's remaining time probably holds, and no more while two fetched
    /// pages wait for its consumer; without one, its look-ahead grows by one page with each full page, so that the pages it
    /// fetches past its end (cancelled, their results dropped) are fewer than the pages it needed. The instance's slots bound the requests on the wire across every read
    /// given it (a limit of 1 makes the source's reads take turns, one page at a time), handed out in the order they
    /// are asked for. Pass the source's own instance (its <see cref="Resilience.SourceResilience.Concurrency"/>), so
    /// that a 429 lowers the concurrency of every read at once.
    /// </remarks>
    public PageConcurrency? Concurrency { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the list may shift under a concurrent read, as a newest-first log does
    /// while new events arrive at its head. Default <see langword="true"/>; set it to <see langword="false"/> only for a
    /// list that cannot change during the read (a window wholly in the past).
    /// </summary>
    /// <remarks>
    /// When set and pages are fetched concurrently, each page overlaps the previous one by one item (the stride is
    /// <see cref="PageSize"/> - 1), and a page boundary counts as proven only when the next page contains the previous
    /// page's last item: what comes after it is new. A page that does not contain it, and is older, leaves a possible
    /// gap, so it is fetched again; a page wholly newer (the list shifted by more than a page) is passed over. Sequential
    /// reads need no overlap: a later request can only see the list shifted further, and repeats are dropped by id.
    /// </remarks>
    public bool ProveBoundaries { get; set; } = true;

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
