using System.Threading.Channels;
using NodaTime;

namespace AuditAggregator.Feed.Internal;

/// <summary>
/// Reads one source into a bounded channel ahead of the merge, so that sources fetch pages concurrently while
/// memory stays bounded by the channel's capacity.
/// </summary>
/// <remarks>
/// The channel carries batches, not single events: the events a source has at hand (the rest of a page) go in
/// together, and a batch is handed over as soon as the source would wait (for its next page), so no event waits for
/// a batch to fill. One event at a time made the merge and the source hand the thread back and forth per event,
/// a wake-up each, which cost more CPU than parsing. Events held: at most the capacity in all (channel, the batch being
/// filled and the one being merged).
/// </remarks>
internal sealed class SourcePump
{
    private readonly Channel<List<AuditEvent>> _channel;
    private readonly MergeInput _input;
    private readonly int _batchSize;
    private Task _task = Task.CompletedTask;
    private List<AuditEvent>? _current;
    private int _next;

    public SourcePump(MergeInput input, int capacity)
    {
        _input = input;
        _batchSize = Math.Max(1, capacity / 4);
        _channel = Channel.CreateBounded<List<AuditEvent>>(new BoundedChannelOptions(Math.Max(1, (capacity / _batchSize) - 2))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Name => _input.Name;

    public AuditSourceException? Failure { get; private set; }

    public long Delivered { get; private set; }

    public Instant? OldestDelivered { get; private set; }

    public void Start(CancellationToken cancellationToken) => _task = Task.Run(() => PumpAsync(cancellationToken), CancellationToken.None);

    /// <summary>
    /// Takes the next event, or <see langword="null"/> when the source has ended (check <see cref="Failure"/>).
    /// </summary>
    public ValueTask<AuditEvent?> NextAsync(CancellationToken cancellationToken)
    {
        if (_current is { } batch && _next < batch.Count)
        {
            return ValueTask.FromResult<AuditEvent?>(batch[_next++]);
        }

        return NextBatchAsync(cancellationToken);
    }

    public void MarkDelivered(AuditEvent item)
    {
        Delivered++;
        OldestDelivered = item.Time;
    }

    public async Task StopAsync()
    {
        try
        {
            await _task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The merge was cancelled or disposed: nothing to report.
        }
    }

    private async ValueTask<AuditEvent?> NextBatchAsync(CancellationToken cancellationToken)
    {
        _current = null;
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.TryRead(out var batch))
            {
                _current = batch;
                _next = 1;
                return batch[0];
            }
        }

        return null;
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var batch = new List<AuditEvent>(_batchSize);
        try
        {
            var items = _input.Open(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using var disposeItems = items.ConfigureAwait(false);
            while (true)
            {
                var moved = items.MoveNextAsync();
                if (!moved.IsCompleted && batch.Count > 0)
                {
                    // The source is about to wait: what it has goes to the merge now.
                    await _channel.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new List<AuditEvent>(_batchSize);
                }

                if (!await moved.ConfigureAwait(false))
                {
                    break;
                }

                batch.Add(items.Current);
                if (batch.Count == _batchSize)
                {
                    await _channel.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new List<AuditEvent>(_batchSize);
                }
            }

            if (batch.Count > 0)
            {
                await _channel.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the consumer.
        }
        catch (AuditSourceException ex)
        {
            await HandOverAsync(batch, cancellationToken).ConfigureAwait(false);
            Failure = ex;
        }
        catch (Exception ex)
        {
            await HandOverAsync(batch, cancellationToken).ConfigureAwait(false);
            Failure = new AuditSourceException(
                _input.Name,
                ex is OperationCanceledException or TimeoutException or HttpRequestException or IOException ? AuditErrorKind.Network : AuditErrorKind.Unknown,
                $"Reading failed: {ex.GetType().Name}: {ex.Message}",
                innerException: ex);
        }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>Hands over the events read before a failure: they are delivered, and the failure after them.</summary>
    private async ValueTask HandOverAsync(List<AuditEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _channel.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The consumer stopped: nothing waits for them.
        }
    }
}
