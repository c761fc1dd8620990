namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>A fixed one-minute window counter, on the injected clock (the server's window slides; close enough here).</summary>
internal sealed class DocSpaceRateLimiter
{
    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _window;
    private int _used;

    public DocSpaceRateLimiter(int limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
    }

    public bool TryAcquire(out int remaining)
    {
        lock (_lock)
        {
            var window = _time.GetUtcNow().ToUnixTimeSeconds() / 60;
            if (window != _window)
            {
                _window = window;
                _used = 0;
            }

            _used++;
            remaining = Math.Max(0, _limit - _used);
            return _used <= _limit;
        }
    }

    public TimeSpan UntilReset()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return TimeSpan.FromMilliseconds(60_000 - (now % 60_000));
    }
}
