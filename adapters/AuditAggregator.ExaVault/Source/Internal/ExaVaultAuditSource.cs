using AuditAggregator.Paging;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The ExaVault account as an <see cref="IAuditSource"/>: the session log, the webhook log or both, each paged newest
/// first with the date window applied on the server, merged newest first.
/// </summary>
internal sealed class ExaVaultAuditSource : IAuditSource
{
    /// <summary>The sort that makes the logs stream newest first.</summary>
    public const string NewestFirst = "-date";

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
                sequences.Add(AuditPager.ReadAsync(Name, (page, ct) => FetchSessionsAsync(client, filter, page, ct), query, _paging, cancellationToken));
            }

            if (_options.Streams.HasFlag(ExaVaultStreams.Webhook) && ServerFilter.WantsWebhooks(query))
            {
                sequences.Add(AuditPager.ReadAsync(Name, (page, ct) => FetchWebhooksAsync(client, filter, page, ct), query, _paging, cancellationToken));
            }
        }

        return AuditFeed.MergeAsync(Name, sequences, cancellationToken);
    }

    private async ValueTask<IReadOnlyList<AuditEvent>> FetchSessionsAsync(IExaVaultClient client, ServerFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await client.GetSessionLogsAsync(
            new ExaVaultSessionLogQuery
            {
                StartDate = filter.StartDate,
                EndDate = filter.EndDate,
                Username = filter.Username,
                Type = filter.SessionType,
                Offset = page.Offset,
                Limit = page.Size,
                Sort = NewestFirst,
            },
            cancellationToken).ConfigureAwait(false);
        return result.Data is { } data ? [.. data.Select(e => SessionMapper.Map(e, _options.IncludeRawRecord))] : [];
    }

    private async ValueTask<IReadOnlyList<AuditEvent>> FetchWebhooksAsync(IExaVaultClient client, ServerFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await client.GetWebhookLogsAsync(
            new ExaVaultWebhookLogQuery
            {
                StartDate = filter.StartDate,
                EndDate = filter.EndDate,
                Username = filter.Username,
                Offset = page.Offset,
                Limit = page.Size,
                Sort = NewestFirst,
            },
            cancellationToken).ConfigureAwait(false);
        return result.Data is { } data ? [.. data.Select(e => WebhookMapper.Map(e, _options.IncludeRawRecord))] : [];
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
