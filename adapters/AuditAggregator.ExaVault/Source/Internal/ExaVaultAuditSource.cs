using System.Runtime.CompilerServices;
using AuditAggregator.Paging;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The ExaVault account as an <see cref="IAuditSource"/>: the session log, the webhook log or both, each paged newest
/// first with the date window applied on the server, merged newest first.
/// </summary>
/// <remarks>
/// With our own <see cref="ExaVaultClient"/>, pages are parsed straight into events (<see cref="SessionPageParser"/>,
/// <see cref="WebhookPageParser"/>); any other <see cref="IExaVaultClient"/> goes through its DTOs and the mappers.
/// </remarks>
internal sealed class ExaVaultAuditSource : IAuditSource
{
    private readonly Func<IExaVaultClient> _createClient;
    private readonly ExaVaultOptions _options;
    private readonly PagingOptions _paging;

    public ExaVaultAuditSource(Func<IExaVaultClient> createClient, ExaVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentNullException.ThrowIfNull(options);
        _createClient = createClient;
        _options = options;
        _paging = new PagingOptions
        {
            PageSize = options.PageSize,
            MaxPages = options.MaxPages,
            Style = PagingStyle.OffsetLimit,
            StopAtWindowStart = true,
            DetectRepeatedPages = true,
        };
        Streams = [.. StreamNames(options.Streams)];
    }

    public string Name => ExaVaultSourceNames.Source;

    public IReadOnlyCollection<string> Streams { get; }

    public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sequences = new List<IAsyncEnumerable<AuditEvent>>(2);

        // An empty window sends nothing: the server has failed on an empty date range before.
        if (query.IncludesSource(Name) && !(query.From is { } from && query.To is { } to && from >= to))
        {
            var client = _createClient();
            var filter = ServerFilter.For(query);
            if (_options.Streams.HasFlag(ExaVaultStreams.Session) && ServerFilter.WantsSessions(query))
            {
                sequences.Add(client is ExaVaultClient own
                    ? ReadParsedAsync(query, () => new SessionPageParser(new Utf8StringCache(), _options.IncludeRawRecord), (page, parser, ct) => own.GetSessionEventsAsync(filter.ForSessions(page), parser, ct), cancellationToken)
                    : AuditPager.ReadAsync(Name, (page, ct) => MapAsync(client.GetSessionLogsAsync(filter.ForSessions(page), ct), SessionMapper.Map), query, _paging, cancellationToken));
            }

            if (_options.Streams.HasFlag(ExaVaultStreams.Webhook) && ServerFilter.WantsWebhooks(query))
            {
                sequences.Add(client is ExaVaultClient own
                    ? ReadParsedAsync(query, () => new WebhookPageParser(new Utf8StringCache(), _options.IncludeRawRecord), (page, parser, ct) => own.GetWebhookEventsAsync(filter.ForWebhooks(page), parser, ct), cancellationToken)
                    : AuditPager.ReadAsync(Name, (page, ct) => MapAsync(client.GetWebhookLogsAsync(filter.ForWebhooks(page), ct), WebhookMapper.Map), query, _paging, cancellationToken));
            }
        }

        return AuditFeed.MergeAsync(Name, sequences, cancellationToken);
    }

    /// <summary>
    /// Pages one log through our own client's parse-as-you-read path, with one parser (and so one string cache) per
    /// enumeration: the cache is not thread-safe, and the two logs are read concurrently.
    /// </summary>
    private async IAsyncEnumerable<AuditEvent> ReadParsedAsync<TParser>(
        AuditQuery query,
        Func<TParser> createParser,
        Func<PageRequest, TParser, CancellationToken, Task<AuditEvent[]>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = createParser();
        var events = AuditPager.ReadAsync(Name, async (page, ct) => await fetch(page, parser, ct).ConfigureAwait(false), query, _paging, cancellationToken);
        await foreach (var e in events.ConfigureAwait(false))
        {
            yield return e;
        }
    }

    private async ValueTask<IReadOnlyList<AuditEvent>> MapAsync<TAttributes>(
        Task<ExaVaultLogPage<TAttributes>> fetch,
        Func<ExaVaultLogEntry<TAttributes>, bool, AuditEvent> map)
        where TAttributes : class
    {
        var page = await fetch.ConfigureAwait(false);
        return page.Data is { } data ? [.. data.Select(e => map(e, _options.IncludeRawRecord))] : [];
    }

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
