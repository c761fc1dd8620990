using System.Runtime.CompilerServices;
using AuditAggregator.Checkpoints;
using NodaTime;

namespace AuditAggregator.Follow.Internal;

/// <summary>
/// One source's progress through its window during a run: what to skip, and what the consumer took.
/// </summary>
internal sealed class SourceProgress
{
    private readonly SourceCheckpoint _start;
    private readonly HashSet<string> _skip;
    private readonly Duration _overlap;
    private readonly List<DeliveredId> _recent;
    private readonly HashSet<string> _idsAtLow;
    private Instant? _low;

    public SourceProgress(string name, SourceCheckpoint start, Instant from, Instant to, Duration overlap)
    {
        Name = name;
        _start = start;
        From = from;
        To = to;
        _overlap = overlap;
        _low = start.DeliveredDownTo;
        _idsAtLow = [.. start.IdsAtDeliveredDownTo];
        _recent = [.. start.RecentIds];
        _skip = [.. start.RecentIds.Select(r => r.Id)];
    }

    public string Name { get; }

    public Instant From { get; }

    public Instant To { get; }

    /// <summary>Gets the end of what is left to read: just past the oldest event taken, or the window's end.</summary>
    public Instant ReadTo => _low is { } low ? low + Duration.Epsilon : To;

    public async IAsyncEnumerable<AuditEvent> SkipDeliveredAsync(IAsyncEnumerable<AuditEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (_skip.Contains(item.Id) || (item.Time == _start.DeliveredDownTo && _start.IdsAtDeliveredDownTo.Contains(item.Id)))
            {
                continue;
            }

            yield return item;
        }
    }

    public void Taken(AuditEvent item)
    {
        if (item.Time != _low)
        {
            _low = item.Time;
            _idsAtLow.Clear();
        }

        _idsAtLow.Add(item.Id);
        if (item.Time >= To - _overlap)
        {
            _recent.Add(new DeliveredId(item.Id, item.Time));
        }
    }

    public SourceCheckpoint Pending() => _start with
    {
        PendingFrom = From,
        PendingTo = To,
        DeliveredDownTo = _low,
        IdsAtDeliveredDownTo = [.. _idsAtLow],
        RecentIds = [.. _recent],
    };

    public SourceCheckpoint Completed()
    {
        var watermark = _start.Watermark is { } w && w > To ? w : To;
        return new SourceCheckpoint
        {
            Watermark = watermark,
            RecentIds = [.. _recent.Where(r => r.Time >= watermark - _overlap)],
        };
    }
}
