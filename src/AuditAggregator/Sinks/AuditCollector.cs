using Microsoft.Extensions.Logging;

namespace AuditAggregator;

/// <summary>
/// Collects into an <see cref="IAuditEventStore"/>: an <see cref="AuditFollower"/> that commits its progress into the
/// store, and a pump that writes every event the follower delivers into the same store.
/// </summary>
/// <remarks>
/// The follower's commit points (every <see cref="AuditFollowOptions.CommitEvery"/> events, and the end of each
/// window) become the store's batches: each commit makes the events taken since the last one durable together with
/// the checkpoint that covers them. The follower is not exposed, since reading it past the pump would commit
/// progress for events the store never received.
/// </remarks>
public sealed class AuditCollector
{
    private readonly AuditFollower _follower;
    private readonly IAuditEventStore _store;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditCollector"/> class.
    /// </summary>
    /// <param name="sources">The sources; their names must differ.</param>
    /// <param name="store">Where events and progress are committed together.</param>
    /// <param name="options">The follower's options, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">The follower's logger, or <see langword="null"/>.</param>
    public AuditCollector(
        IEnumerable<IAuditSource> sources,
        IAuditEventStore store,
        AuditFollowOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<AuditFollower>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _follower = new AuditFollower(sources, store, options, timeProvider, logger);
    }

    /// <summary>
    /// Reads one window per source into the store and commits; run it again to continue where it stopped.
    /// </summary>
    /// <param name="query">The filter and window, as for <see cref="AuditFollower.ReadOnceAsync"/>.</param>
    /// <param name="cancellationToken">Stops the read; what was taken so far is committed.</param>
    /// <returns>The number of events written into the store by this run.</returns>
    public Task<long> RunOnceAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PumpAsync(_follower.ReadOnceAsync(query, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Polls the sources every <see cref="AuditFollowOptions.PollInterval"/> and writes into the store until cancelled.
    /// </summary>
    /// <param name="filter">The filter, as for <see cref="AuditFollower.FollowAsync"/>.</param>
    /// <param name="cancellationToken">Stops following; what was taken so far is committed.</param>
    /// <returns>A task that ends only by failing, or as cancelled.</returns>
    public Task FollowAsync(AuditQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PumpAsync(_follower.FollowAsync(filter, cancellationToken), cancellationToken);
    }

    private async Task<long> PumpAsync(IAsyncEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        var written = 0L;

        // The follower counts an event as taken when the next one is asked for, that is after the write returned.
        await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await _store.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            written++;
        }

        return written;
    }
}
