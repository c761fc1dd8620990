using AuditAggregator.Resilience;

namespace AuditAggregator.DocSpace;

/// <summary>
/// Options of the DocSpace client and source (login history and audit trail).
/// </summary>
/// <remarks>
/// Exactly one credential must be given: <see cref="Credential"/>, or one of the configuration-friendly
/// <see cref="ApiKey"/>, <see cref="AccessToken"/>, <see cref="SessionToken"/> or <see cref="Email"/> with
/// <see cref="Password"/>. Options are validated at start-up; with <c>AddDocSpaceAuditSource(name, ...)</c> they are
/// named options under the source's name, and every failure names the source. A <see cref="DocSpaceAuditSource"/>
/// built directly over a caller's <see cref="IDocSpaceLoginHistoryApi"/> uses only the read settings: the address and
/// credential are then the client's.
/// </remarks>
public sealed class DocSpaceOptions
{
    /// <summary>The most events the server returns per page, and the default page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Gets or sets the portal's address, for example <c>https://portal.example.com</c>. Required; HTTPS unless the host is loopback.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Gets or sets the credential, built with the factory methods of <see cref="DocSpaceCredential"/>.
    /// </summary>
    public DocSpaceCredential? Credential { get; set; }

    /// <summary>
    /// Gets or sets a personal access token / API key (<c>sk-...</c>), as an alternative to <see cref="Credential"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets a fixed OAuth2 / OpenID access token, as an alternative to <see cref="Credential"/>.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Gets or sets a session token, sent as the <c>asc_auth_key</c> cookie, as an alternative to <see cref="Credential"/>.
    /// </summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Gets or sets the e-mail address for Basic authentication, together with <see cref="Password"/>.
    /// </summary>
    public string? Email { get; set; }

    /// <summary>
    /// Gets or sets the password for Basic authentication, together with <see cref="Email"/>.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Gets or sets the number of events asked for per page, 1 to 100. Default 100.
    /// </summary>
    public int PageSize { get; set; } = MaxPageSize;

    /// <summary>
    /// Gets or sets the most pages one read may fetch; a read that needs more fails rather than return part of the
    /// window. Default <see cref="int.MaxValue"/>, no limit in practice: a window of any length is read to its end,
    /// and a portal that loops is detected without one (see <see cref="Paging.AuditPager"/>).
    /// </summary>
    public int MaxPages { get; set; } = int.MaxValue;

    /// <summary>
    /// Gets or sets how many pages of ids a read of the login history remembers to drop events that new logins pushed
    /// onto a later page (the audit trail needs none: its pages are anchored by date).
    /// Default 20: exact while fewer than 19 pages of logins (1,900 at the default page size) arrive between two
    /// requests, with memory bounded by 2,000 ids however long the read.
    /// </summary>
    public int RememberedPages { get; set; } = 20;

    /// <summary>
    /// Gets or sets a value indicating whether each event carries the vendor's record as JSON in
    /// <see cref="AuditEvent.RawRecord"/>. Default <see langword="false"/>.
    /// </summary>
    public bool IncludeRawRecord { get; set; }

    /// <summary>
    /// Gets or sets how often a report job's progress is polled. Default 3 seconds.
    /// </summary>
    public TimeSpan ReportPollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Gets or sets the retries, timeouts and client-side rate limit around each page fetch, and how many pages are
    /// fetched at once. Default: the core defaults with <see cref="DefaultMaxConcurrentRequests"/> pages at once.
    /// </summary>
    public SourceResilienceOptions Resilience { get; set; } = new() { MaxConcurrentRequests = DefaultMaxConcurrentRequests };

    /// <summary>
    /// The default number of pages in flight at once: well inside DocSpace's limit of 50 concurrent GETs a user (when
    /// the portal's operator enables limits), and enough to hide a round trip of 50 to 200 ms. The login history and
    /// the audit trail share them, a request at a time as each needs one. A 429 halves it at once; a read starts with
    /// one request, so a short read costs one (see <see cref="Paging.PagingOptions.Concurrency"/>).
    /// </summary>
    public const int DefaultMaxConcurrentRequests = 8;
}
