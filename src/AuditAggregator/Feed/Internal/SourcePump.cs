using System.Threading.Channels;
using NodaTime;

namespace AuditAggregator.Feed.Internal;

/// <summary>
/// Reads one source into a bounded channel ahead of the merge, so that sources fetch pages concurrently while
/// memory stays bounded by the channel's capacity.
/// </summary>
internal sealed class SourcePump
{
    private readonly Channel<AuditEvent> _channel;
    private readonly MergeInput _input;
    private Task _task = Task.CompletedTask;

    public SourcePump(MergeInput input, int capacity)
    {
        _input = input;
        _channel = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(capacity)
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
    public async ValueTask<AuditEvent?> NextAsync(CancellationToken cancellationToken)
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.TryRead(out var item))
            {
                return item;
            }
        }

        return null;
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

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _input.Open(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the consumer.
        }
        catch (AuditSourceException ex)
        {
            Failure = ex;
        }
        catch (Exception ex)
        {
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
}
