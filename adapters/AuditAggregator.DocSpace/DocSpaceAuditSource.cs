using System.Runtime.CompilerServices;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Paging;
using AuditAggregator.Resilience;
using Microsoft.Extensions.Logging;
using AuditAggregator.Telemetry;

namespace AuditAggregator.DocSpace;

/// <summary>
/// The login history of one DocSpace portal as an <see cref="IAuditSource"/> (source <c>docspace</c>, stream <c>login</c>).
/// </summary>
/// <remarks>
/// <para>The server takes its page of the log before it applies its filters, so a filtered request can miss
/// events. This source therefore walks the unfiltered newest-first log (<c>startIndex</c> += page size, <c>count</c>
/// = <see cref="DocSpaceOptions.PageSize"/>), applies the whole <see cref="AuditQuery"/> on the client, and stops at
/// a short page or after the first page that reaches back past the window's start. Matching events behind any
/// number of newer ones are found.</para>
/// <para>Each page fetch runs inside the <see cref="SourceResilience"/> pipeline. Events shifted onto the next
/// page by new logins are yielded once: the pager drops repeats within its last
/// <see cref="DocSpaceOptions.RememberedPages"/> pages (default 20, 2,000 ids), so memory stays bounded however long
/// the read; only a burst of more than 19 pages of new logins between two page fetches could repeat an event, and
/// the merged feed's dedup still drops a repeat that lands beside its twin. The source does not instead skip every
/// id above the smallest one yielded: the log is sorted by date, ids are only known to grow with time, and an
/// event written out of id order would then be lost.</para>
/// <para>A portal whose plan lacks the audit option answers only its 20 newest events; the read then fails with
/// <see cref="AuditErrorKind.Plan"/> instead of presenting them as the result.</para>
/// </remarks>
public sealed class DocSpaceAuditSource : IAuditSource
{
    private readonly Func<IDocSpaceLoginHistoryClient> _clientFactory;
    private readonly DocSpaceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SourceResilience _resilience;

    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceAuditSource"/> class over a client.
    /// </summary>
    /// <param name="client">The client, used by every read; <c>AddDocSpaceAuditSource</c> registers a source that takes a fresh one per read.</param>
    /// <param name="options">The options (validated here).</param>
    /// <param name="timeProvider">The clock for retries and throttling, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Logs retries, or <see langword="null"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public DocSpaceAuditSource(IDocSpaceLoginHistoryClient client, DocSpaceOptions options, TimeProvider? timeProvider = null, ILogger<DocSpaceAuditSource>? logger = null)
        : this(Capture(client), options, timeProvider ?? TimeProvider.System, logger)
    {
    }

    internal DocSpaceAuditSource(Func<IDocSpaceLoginHistoryClient> clientFactory, DocSpaceOptions options, TimeProvider timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        DocSpaceOptionsValidator.ThrowIfInvalid(options);
        _clientFactory = clientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _resilience = new SourceResilience(Name, options.Resilience, timeProvider, logger);
    }

    /// <inheritdoc/>
    public string Name => DocSpaceSourceNames.Source;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Streams { get; } = [DocSpaceSourceNames.LoginStream];

    /// <inheritdoc/>
    public AuditSourceHealth Health => _resilience.Health;

    /// <inheritdoc/>
    public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.IncludesSource(Name) && query.IncludesStream(DocSpaceSourceNames.LoginStream)
            ? ReadCoreAsync(query, cancellationToken)
            : NothingAsync();
    }

    private static Func<IDocSpaceLoginHistoryClient> Capture(IDocSpaceLoginHistoryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return () => client;
    }

#pragma warning disable CS1998 // An empty iterator has nothing to await.
    private static async IAsyncEnumerable<AuditEvent> NothingAsync()
#pragma warning restore CS1998
    {
        yield break;
    }

    private async IAsyncEnumerable<AuditEvent> ReadCoreAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new PageReader(_clientFactory(), _resilience, _options.IncludeRawRecord);
        var paging = new PagingOptions
        {
            PageSize = _options.PageSize,
            MaxPages = _options.MaxPages,
            Style = PagingStyle.StartIndexCount,
            StopAtWindowStart = true,
            DetectRepeatedPages = true,
            RememberedPages = _options.RememberedPages,
        };

        await foreach (var item in AuditPager.ReadAsync(Name, reader.FetchAsync, query, paging, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
