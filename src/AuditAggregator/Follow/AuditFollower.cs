using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using AuditAggregator.Checkpoints;
using AuditAggregator.Feed.Internal;
using AuditAggregator.Follow.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace AuditAggregator;

/// <summary>
/// A restartable collector: reads each source window by window, delivers every event once, and commits where it
/// got to in an <see cref="ICheckpointStore"/>, following <c>pulling.md</c>.
/// </summary>
/// <remarks>
/// <para>Each run freezes its window per source, <c>[watermark - overlap, now - lag)</c>, and saves it as pending
/// before reading, so a restart resumes the same window. Events already delivered in the overlap are dropped by id.</para>
/// <para>An event counts as taken when the consumer asks for the next one (with <see cref="Observe"/>, when
/// <c>OnNext</c> returned). Progress is committed every <see cref="AuditFollowOptions.CommitEvery"/> taken events,
/// at the end of each window (even an empty one, so the watermark advances), and when the read stops.</para>
/// <para>Runs never overlap: one follower reads at most once at a time.</para>
/// </remarks>
public sealed class AuditFollower
{
    private readonly IAuditSource[] _sources;
    private readonly ICheckpointStore _store;
    private readonly AuditFollowOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private int _running;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditFollower"/> class.
    /// </summary>
    /// <param name="sources">The sources; their names must differ.</param>
    /// <param name="store">Where progress is committed.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    public AuditFollower(
        IEnumerable<IAuditSource> sources,
        ICheckpointStore store,
        AuditFollowOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<AuditFollower>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(store);
        _sources = [.. sources];
        _store = store;
        _options = options ?? new AuditFollowOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Reads one window per source and commits; run it again to continue where it stopped (an incremental export).
    /// </summary>
    /// <param name="query">The filter; <see cref="AuditQuery.From"/> starts a source that has no checkpoint, and
    /// <see cref="AuditQuery.To"/> (default <c>now - lag</c>) ends the window.</param>
    /// <param name="cancellationToken">Stops the read; progress taken so far is committed.</param>
    /// <returns>The events, newest first within the window, each once across runs.</returns>
    public IAsyncEnumerable<AuditEvent> ReadOnceAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunGuardedAsync(query, follow: false, cancellationToken);
    }

    /// <summary>
    /// Polls the sources every <see cref="AuditFollowOptions.PollInterval"/> until cancelled.
    /// </summary>
    /// <param name="filter">The filter; its window is ignored except that <see cref="AuditQuery.From"/> starts a source with no checkpoint.</param>
    /// <param name="cancellationToken">Stops following; progress taken so far is committed.</param>
    /// <returns>The events as they arrive: each window newest first, windows in time order.</returns>
    public IAsyncEnumerable<AuditEvent> FollowAsync(AuditQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return RunGuardedAsync(filter with { To = null }, follow: true, cancellationToken);
    }

    /// <summary>
    /// Gets the live feed as a hot observable.
    /// </summary>
    /// <remarks>
    /// The observable is <c>Publish().RefCount()</c>: the first subscriber starts one follow loop, later subscribers
    /// join it and see only events from then on, and when the last one unsubscribes the loop stops and commits what
    /// was taken. Progress counts an event as taken when <c>OnNext</c> returned for every subscriber.
    /// </remarks>
    /// <param name="filter">The filter.</param>
    /// <returns>The shared live feed.</returns>
    public IObservable<AuditEvent> Observe(AuditQuery filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Observable.Create<AuditEvent>(async (observer, cancellationToken) =>
        {
            await foreach (var item in FollowAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                observer.OnNext(item);
            }

            observer.OnCompleted();
        }).Publish().RefCount();
    }

    private async IAsyncEnumerable<AuditEvent> RunGuardedAsync(AuditQuery query, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This follower is already reading; runs of one follower never overlap.");
        }

        try
        {
            var checkpoint = await _store.LoadAsync(cancellationToken).ConfigureAwait(false) ?? FollowCheckpoint.Empty;
            while (true)
            {
                var run = new FollowRun(this, checkpoint, query);
                await foreach (var item in run.ExecuteAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                checkpoint = run.Checkpoint;
                if (!follow)
                {
                    yield break;
                }

                await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>
    /// One run: a frozen window per source, merged, committed as the consumer takes events.
    /// </summary>
    private sealed class FollowRun(AuditFollower owner, FollowCheckpoint start, AuditQuery query)
    {
        private readonly Dictionary<string, SourceCheckpoint> _state = new(start.Sources, StringComparer.Ordinal);
        private string? _sinkState = start.SinkState;

        public FollowCheckpoint Checkpoint => new(new Dictionary<string, SourceCheckpoint>(_state, StringComparer.Ordinal), _sinkState);

        public async IAsyncEnumerable<AuditEvent> ExecuteAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var options = owner._options;
            var now = Instant.FromDateTimeOffset(owner._timeProvider.GetUtcNow());
            var progress = owner._sources
                .Where(s => query.IncludesSource(s.Name))
                .ToDictionary(s => s.Name, s => Plan(s.Name, now), StringComparer.Ordinal);
            foreach (var p in progress.Values)
            {
                _state[p.Name] = p.Pending();
            }

            await CommitAsync(cancellationToken).ConfigureAwait(false);

            var inputs = owner._sources
                .Where(s => progress.ContainsKey(s.Name))
                .Select(s =>
                {
                    var p = progress[s.Name];
                    var window = query with { From = p.From, To = p.ReadTo };
                    return new MergeInput(s.Name, ct => p.SkipDeliveredAsync(s.ReadAsync(window, ct), ct));
                })
                .ToArray();
            var failed = new HashSet<string>(StringComparer.Ordinal);
            var feedOptions = new AuditFeedOptions
            {
                BufferPerSource = options.BufferPerSource,
                OnSourceFailure = options.OnSourceFailure,
                SourceFailed = failure =>
                {
                    failed.Add(failure.SourceName);
                    options.SourceFailed?.Invoke(failure);
                },
            };
            var uncommitted = 0;
            AuditEvent? taken = null;
            try
            {
                await foreach (var item in MergeEngine.MergeAsync(inputs, feedOptions, owner._logger, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;

                    // The consumer asked for the next event, so it took this one.
                    taken = item;
                    progress[item.Source].Taken(item);
                    if (++uncommitted >= options.CommitEvery)
                    {
                        Record(progress, complete: false);
                        await CommitAsync(cancellationToken).ConfigureAwait(false);
                        uncommitted = 0;
                    }
                }

                // A source that failed while the others carried on keeps its window pending: the next run resumes it.
                Record(progress, complete: true, failed);
                await CommitAsync(cancellationToken).ConfigureAwait(false);
                uncommitted = 0;
            }
            finally
            {
                if (uncommitted > 0)
                {
                    // Stopped (cancelled, failed or disposed) inside the window: keep what was taken.
                    Record(progress, complete: false);
                    await CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    if (owner._logger.IsEnabled(LogLevel.Information))
                    {
                        owner._logger.LogInformation("Stopped inside a window; committed progress down to {Time}", taken?.Time);
                    }
                }
            }
        }

        private SourceProgress Plan(string name, Instant now)
        {
            var options = owner._options;
            var checkpoint = _state.GetValueOrDefault(name) ?? new SourceCheckpoint();
            var overlap = Duration.FromTimeSpan(options.Overlap);
            if (checkpoint.HasPendingWindow)
            {
                return new SourceProgress(name, checkpoint, checkpoint.PendingFrom!.Value, checkpoint.PendingTo!.Value, overlap);
            }

            var to = query.To ?? now - Duration.FromTimeSpan(options.Lag);
            var from = checkpoint.Watermark is { } watermark
                ? watermark - overlap
                : query.From ?? now - Duration.FromTimeSpan(options.InitialLookback);
            return new SourceProgress(name, checkpoint, from, to < from ? from : to, overlap);
        }

        private void Record(Dictionary<string, SourceProgress> progress, bool complete, HashSet<string>? failed = null)
        {
            foreach (var p in progress.Values)
            {
                _state[p.Name] = complete && failed?.Contains(p.Name) != true ? p.Completed() : p.Pending();
            }
        }

        private async ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            if (owner._options.CaptureSinkStateAsync is { } capture)
            {
                _sinkState = await capture(cancellationToken).ConfigureAwait(false);
            }

            await owner._store.CommitAsync(Checkpoint, cancellationToken).ConfigureAwait(false);
        }
    }
}
