using AuditAggregator.Resilience;

namespace AuditAggregator.ExaVault;

/// <summary>
/// Options of the ExaVault audit source: the account, its credentials, the logs to read, paging and the request budget.
/// </summary>
/// <remarks>
/// Every request counts against the account's daily transaction allowance, so the defaults favour few, large pages and
/// stop well before the allowance runs out. <see cref="ToString"/> never shows the credentials.
/// </remarks>
public sealed class ExaVaultOptions
{
    /// <summary>The default <see cref="PageSize"/>.</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>The largest <see cref="PageSize"/> accepted.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>
    /// Gets or sets the account's address, <c>https://{account}.exavault.com</c>; the API path <c>/api/v2</c> is added
    /// unless the address already ends with it. Required; HTTPS unless the host is a loopback address.
    /// </summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>
    /// Gets or sets the API key, sent as the <c>ev-api-key</c> header. Required.
    /// </summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the access token, sent as the <c>ev-access-token</c> header. Required.
    /// </summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the logs to read. Default <see cref="ExaVaultStreams.All"/>.
    /// </summary>
    public ExaVaultStreams Streams { get; set; } = ExaVaultStreams.All;

    /// <summary>
    /// Gets or sets the number of entries asked for per request (<c>limit</c>), 1 to <see cref="MaxPageSize"/>.
    /// Default <see cref="DefaultPageSize"/>.
    /// </summary>
    /// <remarks>
    /// The vendor documents no maximum (its samples use 200). A thousand keeps an export of N events to
    /// <c>ceil(N / 1000)</c> requests, five times fewer than 200. Lower it if an account's server ever caps pages below
    /// the requested size: a capped page looks short and would end the read early.
    /// </remarks>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>
    /// Gets or sets the most pages one read of one log may fetch before it fails. Default <see cref="int.MaxValue"/>,
    /// no limit in practice: a window of any length is read to its end, and a server that loops is detected without
    /// one (see <see cref="Paging.AuditPager"/>). Every request is billed: set a limit to cap what one read may cost.
    /// </summary>
    public int MaxPages { get; set; } = int.MaxValue;

    /// <summary>
    /// Gets or sets a value indicating whether each event carries the vendor's entry, the JSON exactly as sent, in
    /// <see cref="AuditEvent.RawRecord"/>. Default <see langword="false"/>.
    /// </summary>
    public bool IncludeRawRecord { get; set; }

    /// <summary>
    /// Gets or sets the number of remaining requests (<c>X-RateLimit-Remaining</c>) below which requests are delayed,
    /// more the closer the count comes to <see cref="StopBelow"/>. Default 1,000.
    /// </summary>
    public long SlowDownBelow { get; set; } = 1000;

    /// <summary>
    /// Gets or sets the number of remaining requests below which no request is sent: the read fails with an
    /// <see cref="AuditSourceException"/> of kind <see cref="AuditErrorKind.RateLimited"/> instead. At least 1,
    /// so that the allowance is never spent to the last request. Default 100, a reserve for the account's other clients.
    /// </summary>
    /// <remarks>
    /// A count older than an hour is no longer trusted (the allowance renews over a rolling 24 hours); the next
    /// request then reads a fresh one.
    /// </remarks>
    public long StopBelow { get; set; } = 100;

    /// <summary>
    /// Gets or sets the delay before a request when the remaining count has fallen to <see cref="StopBelow"/>; at
    /// <see cref="SlowDownBelow"/> the delay is zero, and it grows linearly in between. Default 5 seconds.
    /// </summary>
    public TimeSpan MaxSlowDownDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets retries, timeouts, the optional client-side request rate and how many pages are fetched at once.
    /// Default: the core defaults with <see cref="DefaultMaxConcurrentRequests"/> pages at once and no request rate:
    /// ExaVault limits connections, not requests (see <see cref="MaxConnectionsPerSecond"/>); set
    /// <see cref="SourceResilienceOptions.MaxRequestsPerSecond"/> for an account that needs a request rate.
    /// </summary>
    public SourceResilienceOptions Resilience { get; set; } = new() { MaxConcurrentRequests = DefaultMaxConcurrentRequests };

    /// <summary>
    /// The default number of pages in flight at once, across the source's logs: each needs a connection of its own,
    /// opened once and kept alive, so a read opens at most this many, within the first second's
    /// <see cref="MaxConnectionsPerSecond"/>. The two logs share them, a request at a time as each needs one. Every
    /// request is billed: a read starts with one request, and fetches fewer pages past its end than it needed, at
    /// most this many (see <see cref="Paging.PagingOptions.Concurrency"/>).
    /// </summary>
    public const int DefaultMaxConcurrentRequests = 10;

    /// <summary>
    /// Gets or sets the most new connections opened to the account in any one second. Default 10, ExaVault's stated
    /// limit per address (its announcement of April 2020: past ten connections in a second, a connection does not
    /// complete). Requests on an open keep-alive connection do not count.
    /// </summary>
    public int MaxConnectionsPerSecond { get; set; } = 10;

    /// <summary>
    /// Returns a description of the options without the credentials.
    /// </summary>
    /// <returns>The account address, the logs and the page size.</returns>
    public override string ToString() => $"ExaVault {AccountUrl} ({Streams}, {PageSize} per page)";
}
