using System.Runtime.CompilerServices;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AuditAggregator.Feed.Internal;

/// <summary>
/// A streaming k-way merge of newest-first inputs into one newest-first sequence, without duplicates.
/// </summary>
/// <remarks>
/// Memory is the inputs' read-ahead buffers plus a priority queue of one head per input. Duplicates of an event
/// share its time, so in time order they are neighbours: the dedup set holds only the ids at the current instant.
/// </remarks>
internal static class MergeEngine
{
    public static async IAsyncEnumerable<AuditEvent> MergeAsync(
        IReadOnlyList<MergeInput> inputs,
        AuditFeedOptions options,
        ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = inputs.Select(input => new SourcePump(input, options.BufferPerSource)).ToArray();
        foreach (var pump in pumps)
        {
            pump.Start(stop.Token);
        }

        try
        {
            var heads = new PriorityQueue<int, AuditEvent>(pumps.Length, AuditEventOrder.NewestFirst);
            for (var i = 0; i < pumps.Length; i++)
            {
                await EnqueueNextAsync(pumps, i, heads, options, logger, cancellationToken).ConfigureAwait(false);
            }

            Instant? currentTime = null;
            var idsAtCurrentTime = new HashSet<string>(StringComparer.Ordinal);
            while (heads.TryDequeue(out var index, out var item))
            {
                if (item.Time != currentTime)
                {
                    currentTime = item.Time;
                    idsAtCurrentTime.Clear();
                }

                if (idsAtCurrentTime.Add(item.Id))
                {
                    pumps[index].MarkDelivered(item);
                    yield return item;
                }

                await EnqueueNextAsync(pumps, index, heads, options, logger, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var pump in pumps)
            {
                await pump.StopAsync().ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask EnqueueNextAsync(
        SourcePump[] pumps,
        int index,
        PriorityQueue<int, AuditEvent> heads,
        AuditFeedOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var pump = pumps[index];
        var next = await pump.NextAsync(cancellationToken).ConfigureAwait(false);
        if (next is not null)
        {
            heads.Enqueue(index, next);
            return;
        }

        if (pump.Failure is not { } failure)
        {
            return;
        }

        AuditTelemetry.RecordError(pump.Name, failure.Kind);
        if (options.OnSourceFailure == SourceFailureMode.FailFeed)
        {
            throw failure;
        }

        var gap = new AuditSourceFailure(pump.Name, failure, pump.Delivered, pump.OldestDelivered);
        logger.LogWarning(
            failure,
            "Source {Source} failed after {Delivered} events; the feed carries on without it, so its events older than {OldestDelivered} are missing",
            gap.SourceName,
            gap.EventsDelivered,
            gap.OldestDelivered?.ToString() ?? "the window's end");
        options.SourceFailed?.Invoke(gap);
    }
}
