namespace AuditAggregator.Resilience;

/// <summary>
/// A client-side limit of at most N request starts in any sliding second.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _perSecond;
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Initializes a new instance of the <see cref="RequestRateLimiter"/> class.
    /// </summary>
    /// <param name="perSecond">The most request starts in any one second.</param>
    /// <param name="timeProvider">The clock and timers.</param>
    public RequestRateLimiter(int perSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _perSecond = perSecond;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Waits until one more request may start, and counts it.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>How long the caller waited.</returns>
    public async ValueTask<TimeSpan> WaitAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waited = TimeSpan.Zero;
            var now = _timeProvider.GetUtcNow();
            while (_starts.Count > 0 && now - _starts.Peek() >= Window)
            {
                _starts.Dequeue();
            }

            if (_starts.Count >= _perSecond)
            {
                waited = _starts.Peek() + Window - now;
                await Task.Delay(waited, _timeProvider, cancellationToken).ConfigureAwait(false);
                _starts.Dequeue();
                now = _timeProvider.GetUtcNow();
            }

            _starts.Enqueue(now);
            return waited;
        }
        finally
        {
            _gate.Release();
        }
    }
}
