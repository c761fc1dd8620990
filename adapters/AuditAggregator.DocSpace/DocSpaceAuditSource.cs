using System.Runtime.CompilerServices;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Paging;
using AuditAggregator.Resilience;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.DocSpace;

/// <summary>
/// The login history and, given an <see cref="IDocSpaceAuditTrailApi"/>, the audit trail of one DocSpace portal as
/// an <see cref="IAuditSource"/> (source <c>docspace</c> or the configured name, vendor <c>docspace</c>, streams
/// <c>login</c> and <c>audit</c>).
/// </summary>
/// <remarks>
/// <para>A query picks the streams with <see cref="AuditQuery.Streams"/>; with both, the two reads are merged newest
/// first, so the source still yields one newest-first sequence, each event once.</para>
/// <para><b>Login history.</b> The server takes its page of the log before it applies its filters, so a filtered
/// request can miss events. This source therefore walks the unfiltered newest-first log (<c>startIndex</c> += page
/// size, <c>count</c> = <see cref="DocSpaceOptions.PageSize"/>), applies the whole <see cref="AuditQuery"/> on the
/// client, and stops at a short page or after the first page that reaches back past the window's start. Events
/// shifted onto the next page by new logins are yielded once: the pager drops repeats within its last
/// <see cref="DocSpaceOptions.RememberedPages"/> pages (default 20, 2,000 ids), so memory stays bounded however long
/// the read; only a burst of more than 19 pages of new logins between two page fetches could repeat an event, and
/// the merged feed's dedup still drops a repeat that lands beside its twin. The source does not instead skip every
/// id above the smallest one yielded: the log is sorted by date, ids are only known to grow with time, and an
/// event written out of id order would then be lost.</para>
/// <para><b>Audit trail.</b> The server filters before it pages, so the window is sent as <c>from</c> and
/// <c>to</c>; each next page moves <c>to</c> down to the oldest date read and drops the ids already read at that
/// date, so new events at the head shift nothing and no page is read twice. The rest of the query is applied on the
/// client.</para>
/// <para>Pages are read only through the Refit interfaces, whatever implements them, and parsed from the response
/// stream straight into events. Each page fetch (request and parse together) runs inside this source's own
/// <see cref="SourceResilience"/> pipeline, with its own rate budget and health.</para>
/// <para>A portal whose plan lacks the audit option answers only its 20 newest events on either route; the read
/// then fails with <see cref="AuditErrorKind.Plan"/> instead of presenting them as the result.</para>
/// </remarks>
public sealed class DocSpaceAuditSource : IAuditSource
{
    private readonly Func<IDocSpaceLoginHistoryApi> _apiFactory;
    private readonly Func<IDocSpaceAuditTrailApi>? _trailFactory;
    private readonly DocSpaceOptions _options;
    private readonly SourceResilience _resilience;

    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceAuditSource"/> class named <c>docspace</c>.
    /// </summary>
    /// <param name="api">The API client, used by every read; it carries the portal's address and the credential.</param>
    /// <param name="options">The read settings (validated here); the base URL and credential are the client's business.</param>
    /// <param name="timeProvider">The clock for retries and throttling, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Logs retries, or <see langword="null"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The read settings are invalid.</exception>
    public DocSpaceAuditSource(IDocSpaceLoginHistoryApi api, DocSpaceOptions options, TimeProvider? timeProvider = null, ILogger<DocSpaceAuditSource>? logger = null)
        : this(DocSpaceSourceNames.Source, api, options, timeProvider, logger)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceAuditSource"/> class with a name of its own, for one of
    /// several portals.
    /// </summary>
    /// <param name="name">The source name: 1 to 63 lowercase letters, digits and hyphens; events carry it as <see cref="AuditEvent.Source"/>.</param>
    /// <param name="api">The API client, used by every read; it carries the portal's address and the credential.</param>
    /// <param name="options">The read settings (validated here); the base URL and credential are the client's business.</param>
    /// <param name="timeProvider">The clock for retries and throttling, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Logs retries, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The read settings are invalid.</exception>
    public DocSpaceAuditSource(string name, IDocSpaceLoginHistoryApi api, DocSpaceOptions options, TimeProvider? timeProvider = null, ILogger<DocSpaceAuditSource>? logger = null)
        : this(name, Capture(api), options, timeProvider ?? TimeProvider.System, logger, validateConnection: false)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceAuditSource"/> class named <c>docspace</c> that reads both
    /// streams, <c>login</c> and <c>audit</c>.
    /// </summary>
    /// <param name="loginApi">The login-history client; it carries the portal's address and the credential.</param>
    /// <param name="auditTrailApi">The audit-trail client, usually over the same <see cref="HttpClient"/>.</param>
    /// <param name="options">The read settings (validated here); the base URL and credential are the clients' business.</param>
    /// <param name="timeProvider">The clock for retries and throttling, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Logs retries, or <see langword="null"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The read settings are invalid.</exception>
    public DocSpaceAuditSource(IDocSpaceLoginHistoryApi loginApi, IDocSpaceAuditTrailApi auditTrailApi, DocSpaceOptions options, TimeProvider? timeProvider = null, ILogger<DocSpaceAuditSource>? logger = null)
        : this(DocSpaceSourceNames.Source, loginApi, auditTrailApi, options, timeProvider, logger)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceAuditSource"/> class with a name of its own that reads
    /// both streams, <c>login</c> and <c>audit</c>.
    /// </summary>
    /// <param name="name">The source name: 1 to 63 lowercase letters, digits and hyphens; events carry it as <see cref="AuditEvent.Source"/>.</param>
    /// <param name="loginApi">The login-history client; it carries the portal's address and the credential.</param>
    /// <param name="auditTrailApi">The audit-trail client, usually over the same <see cref="HttpClient"/>.</param>
    /// <param name="options">The read settings (validated here); the base URL and credential are the clients' business.</param>
    /// <param name="timeProvider">The clock for retries and throttling, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Logs retries, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The read settings are invalid.</exception>
    public DocSpaceAuditSource(string name, IDocSpaceLoginHistoryApi loginApi, IDocSpaceAuditTrailApi auditTrailApi, DocSpaceOptions options, TimeProvider? timeProvider = null, ILogger<DocSpaceAuditSource>? logger = null)
        : this(name, Capture(loginApi), Capture(auditTrailApi), options, timeProvider ?? TimeProvider.System, logger, validateConnection: false)
    {
    }

    internal DocSpaceAuditSource(string name, Func<IDocSpaceLoginHistoryApi> apiFactory, DocSpaceOptions options, TimeProvider timeProvider, ILogger? logger, bool validateConnection)
        : this(name, apiFactory, null, options, timeProvider, logger, validateConnection)
    {
    }

    internal DocSpaceAuditSource(string name, Func<IDocSpaceLoginHistoryApi> apiFactory, Func<IDocSpaceAuditTrailApi>? trailFactory, DocSpaceOptions options, TimeProvider timeProvider, ILogger? logger, bool validateConnection)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!AuditSourceRegistration.IsValidName(name))
        {
            throw new ArgumentException($"The source name '{name}' is invalid: use 1 to {AuditSourceRegistration.MaxNameLength} lowercase letters, digits and hyphens.", nameof(name));
        }

        DocSpaceOptionsValidator.ThrowIfInvalid(name, options, validateConnection);
        _apiFactory = apiFactory;
        _trailFactory = trailFactory;
        _options = options;
        Streams = trailFactory is null ? [DocSpaceSourceNames.LoginStream] : [DocSpaceSourceNames.LoginStream, DocSpaceSourceNames.AuditStream];
        Name = name;
        _resilience = new SourceResilience(name, options.Resilience, timeProvider, logger);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Streams { get; }

    /// <inheritdoc/>
    public AuditSourceHealth Health => _resilience.Health;

    /// <inheritdoc/>
    public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.IncludesSource(Name))
        {
            return NothingAsync();
        }

        var login = query.IncludesStream(DocSpaceSourceNames.LoginStream);
        var trail = _trailFactory is not null && query.IncludesStream(DocSpaceSourceNames.AuditStream);
        return (login, trail) switch
        {
            (true, true) => NewestFirstMerge.MergeAsync(ReadCoreAsync(query, cancellationToken), ReadTrailAsync(query, cancellationToken), cancellationToken),
            (true, false) => ReadCoreAsync(query, cancellationToken),
            (false, true) => ReadTrailAsync(query, cancellationToken),
            _ => NothingAsync(),
        };
    }

    private static Func<T> Capture<T>(T api)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(api);
        return () => api;
    }

#pragma warning disable CS1998 // An empty iterator has nothing to await.
    private static async IAsyncEnumerable<AuditEvent> NothingAsync()
#pragma warning restore CS1998
    {
        yield break;
    }

    private IAsyncEnumerable<AuditEvent> ReadTrailAsync(AuditQuery query, CancellationToken cancellationToken) =>
        new TrailReader(_trailFactory!(), _resilience, new TrailPageParser(Name, _options.IncludeRawRecord), _options).ReadAsync(query, cancellationToken);

    private async IAsyncEnumerable<AuditEvent> ReadCoreAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One parser per read: its caches share repeated names, addresses and user agents across the read's pages.
        var reader = new PageReader(_apiFactory(), _resilience, new LoginPageParser(Name, _options.IncludeRawRecord));
        var paging = new PagingOptions
        {
            PageSize = _options.PageSize,
            MaxPages = _options.MaxPages,
            Style = PagingStyle.StartIndexCount,
            StopAtWindowStart = true,
            DetectRepeatedPages = true,
            RememberedPages = _options.RememberedPages,

            // New logins arrive at the head while the walk goes on: concurrent pages overlap and prove each boundary.
            Concurrency = _resilience.Concurrency,
            ProveBoundaries = true,
        };

        await foreach (var item in AuditPager.ReadAsync(Name, reader.FetchAsync, query, paging, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
