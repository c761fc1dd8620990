using AuditAggregator.Paging;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The ExaVault account as an <see cref="IAuditSource"/>: the session log, the webhook log or both, each paged newest
/// first with the date window applied on the server, merged newest first.
/// </summary>
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
                sequences.Add(AuditPager.ReadAsync(Name, (page, ct) => MapAsync(client.GetSessionLogsAsync(filter.ForSessions(page), ct), SessionMapper.Map), query, _paging, cancellationToken));
            }

            if (_options.Streams.HasFlag(ExaVaultStreams.Webhook) && ServerFilter.WantsWebhooks(query))
            {
                sequences.Add(AuditPager.ReadAsync(Name, (page, ct) => MapAsync(client.GetWebhookLogsAsync(filter.ForWebhooks(page), ct), WebhookMapper.Map), query, _paging, cancellationToken));
            }
        }

        return AuditFeed.MergeAsync(Name, sequences, cancellationToken);
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
