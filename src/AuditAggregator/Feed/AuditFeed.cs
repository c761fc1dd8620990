using System.Reactive.Linq;
using AuditAggregator.Feed.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuditAggregator;

/// <summary>
/// The merged audit feed of any number of sources: newest first, ordered as <see cref="AuditEventOrder.NewestFirst"/>,
/// each event once.
/// </summary>
/// <remarks>
/// <para>The merge streams: it holds at most <see cref="AuditFeedOptions.BufferPerSource"/> events per source,
/// however long the window.</para>
/// <para>When a source fails, the feed fails with an <see cref="AuditSourceException"/> that names it, or, with
/// <see cref="SourceFailureMode.ContinueWithOthers"/>, carries on and reports the gap.</para>
/// </remarks>
public sealed class AuditFeed
{
    private readonly IAuditSource[] _sources;
    private readonly AuditFeedOptions _options;
    private readonly ILogger _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditFeed"/> class.
    /// </summary>
    /// <param name="sources">The sources to merge; their names must differ.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">Two sources share a name.</exception>
    public AuditFeed(IEnumerable<IAuditSource> sources, AuditFeedOptions? options = null, ILogger<AuditFeed>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        _options = options ?? new AuditFeedOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BufferPerSource, nameof(options));
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        var duplicate = _sources.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two sources are named '{duplicate.Key}'; source names must differ.", nameof(sources));
        }
    }

    /// <summary>
    /// Gets the sources this feed merges.
    /// </summary>
    public IReadOnlyList<IAuditSource> Sources => _sources;

    /// <summary>
    /// Reads the merged feed for <paramref name="query"/>.
    /// </summary>
    /// <param name="query">What to read; its source filter picks the sources.</param>
    /// <param name="cancellationToken">Stops every source's reads.</param>
    /// <returns>The events, newest first, each once.</returns>
    /// <exception cref="AuditSourceException">A source failed (with <see cref="SourceFailureMode.FailFeed"/>).</exception>
    public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var inputs = _sources
            .Where(s => query.IncludesSource(s.Name))
            .Select(s => new MergeInput(s.Name, ct => s.ReadAsync(query, ct)))
            .ToArray();
        return MergeEngine.MergeAsync(inputs, _options, _logger, cancellationToken);
    }

    /// <summary>
    /// Gets the merged feed for <paramref name="query"/> as a cold observable.
    /// </summary>
    /// <remarks>
    /// Each subscription reads the sources once more. Disposing the subscription cancels the reads, HTTP requests
    /// included. <c>OnNext</c> is called on a pool thread, one event at a time; errors arrive as
    /// <see cref="AuditSourceException"/> through <c>OnError</c>.
    /// </remarks>
    /// <param name="query">What to read.</param>
    /// <returns>The observable feed.</returns>
    public IObservable<AuditEvent> Observe(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Observable.Create<AuditEvent>(async (observer, cancellationToken) =>
        {
            await foreach (var item in ReadAsync(query, cancellationToken).ConfigureAwait(false))
            {
                observer.OnNext(item);
            }

            observer.OnCompleted();
        });
    }

    /// <summary>
    /// Merges newest-first sequences into one newest-first sequence without duplicates, failing on the first error.
    /// </summary>
    /// <remarks>For adapters that read several streams of one vendor, such as sessions and webhooks.</remarks>
    /// <param name="sourceName">The name errors carry when a sequence fails with a foreign exception.</param>
    /// <param name="sequences">The sequences, each newest first.</param>
    /// <param name="cancellationToken">Stops every sequence.</param>
    /// <returns>The merged sequence.</returns>
    public static IAsyncEnumerable<AuditEvent> MergeAsync(
        string sourceName,
        IReadOnlyList<IAsyncEnumerable<AuditEvent>> sequences,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 1)
        {
            return sequences[0];
        }

        var inputs = sequences.Select(s => new MergeInput(sourceName, _ => s)).ToArray();
        return MergeEngine.MergeAsync(inputs, new AuditFeedOptions(), NullLogger.Instance, cancellationToken);
    }
}
