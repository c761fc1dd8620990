using System.Runtime.CompilerServices;
using AuditAggregator.Paging;
using AuditAggregator.Parsing;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// One ExaVault account under its configured name, as an <see cref="IAuditSource"/>: the session log, the webhook log
/// or both, each paged newest first through <see cref="IExaVaultActivityApi"/> with the date window applied on the
/// server, and merged here, once, newest first.
/// </summary>
/// <remarks>
/// The source owns its state: its retry layer with the rate budget and health, and its allowance guard. Two sources,
/// of one account or two, never share them.
/// </remarks>
internal sealed class ExaVaultAuditSource : IAuditSource
{
    private const string SessionRoute = "/activity/session";
    private const string WebhookRoute = "/activity/webhooks";

    private readonly Func<IExaVaultActivityApi> _createApi;
    private readonly ExaVaultAccount _account;

    public ExaVaultAuditSource(string name, Func<IExaVaultActivityApi> createApi, ExaVaultOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(createApi);
        ArgumentNullException.ThrowIfNull(options);
        _createApi = createApi;
        _account = new ExaVaultAccount(name, options, timeProvider, logger ?? NullLogger.Instance);
        Streams = [.. StreamNames(options.Streams)];
    }

    public string Name => _account.Name;

    public IReadOnlyCollection<string> Streams { get; }

    public AuditSourceHealth Health => _account.Resilience.Health;

    /// <summary>Gets the account's allowance as the last response reported it, or <see langword="null"/> before one.</summary>
    internal ExaVaultRateLimitState? RateLimit => _account.Guard.Current;

    public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sequences = new List<IAsyncEnumerable<AuditEvent>>(2);
        var options = _account.Options;

        // An empty window sends nothing: the server has failed on an empty date range before.
        if (query.IncludesSource(Name) && !(query.From is { } from && query.To is { } to && from >= to))
        {
            var filter = ServerFilter.For(query);
            var paging = Paging(query);
            if (options.Streams.HasFlag(ExaVaultStreams.Session) && ServerFilter.WantsSessions(query))
            {
                sequences.Add(ReadLogAsync(() => new SessionPageParser(Name, new Utf8StringCache(), options.IncludeRawRecord), SessionRoute, filter.GetSessionsAsync, query, paging, cancellationToken));
            }

            if (options.Streams.HasFlag(ExaVaultStreams.Webhook) && ServerFilter.WantsWebhooks(query))
            {
                sequences.Add(ReadLogAsync(() => new WebhookPageParser(Name, new Utf8StringCache(), options.IncludeRawRecord), WebhookRoute, filter.GetWebhooksAsync, query, paging, cancellationToken));
            }
        }

        return AuditFeed.MergeAsync(Name, sequences, cancellationToken);
    }

    /// <summary>
    /// Pages one log, with one parser (and so one string cache) and one API client per enumeration: the cache is not
    /// thread-safe, and the two logs are read concurrently.
    /// </summary>
    private async IAsyncEnumerable<AuditEvent> ReadLogAsync(
        Func<ExaVaultPageParser> createParser,
        string route,
        Func<IExaVaultActivityApi, PageRequest, CancellationToken, Task<HttpResponseMessage>> send,
        AuditQuery query,
        PagingOptions paging,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new LogPageReader(_account, _createApi(), createParser(), route, send);
        await foreach (var e in AuditPager.ReadAsync(Name, reader.FetchAsync, query, paging, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>How long after an instant no entry dated before it is expected to appear: entries become visible late.</summary>
    internal static readonly TimeSpan SettledAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// The paging of one read. A window that ended more than <see cref="SettledAfter"/> ago is fixed (the server
    /// filters by date), so its offsets are fetched in parallel as they are; a window open towards now gains entries
    /// at its head during the read, so its concurrent pages overlap by one entry and prove each boundary.
    /// </summary>
    private PagingOptions Paging(AuditQuery query) => new()
    {
        PageSize = _account.Options.PageSize,
        MaxPages = _account.Options.MaxPages,
        Style = PagingStyle.OffsetLimit,
        StopAtWindowStart = true,
        DetectRepeatedPages = true,
        Concurrency = _account.Resilience.Concurrency,
        ProveBoundaries = !(query.To is { } to && to.ToDateTimeOffset() + SettledAfter <= _account.TimeProvider.GetUtcNow()),
    };

    private static IEnumerable<string> StreamNames(ExaVaultStreams streams)
    {
        if (streams.HasFlag(ExaVaultStreams.Session))
        {
            yield return ExaVaultSourceNames.SessionStream;
        }

        if (streams.HasFlag(ExaVaultStreams.Webhook))
        {
            yield return ExaVaultSourceNames.WebhookStream;
        }
    }
}
