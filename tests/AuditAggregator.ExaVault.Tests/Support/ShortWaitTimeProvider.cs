namespace AuditAggregator.ExaVault.Tests.Support;

/// <summary>
/// A fake clock whose short waits (backoff, slow-down, rate limit) pass at once and move the clock, and whose long
/// ones (attempt timeouts) never fire, so that no test races a timeout. It records every short wait.
/// </summary>
/// <remarks>The shared FakeTimeProvider's AutoAdvance fires every timer, attempt timeouts included.</remarks>
internal sealed class ShortWaitTimeProvider : TimeProvider
{
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(5);
    private readonly object _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < Horizon)
        {
            lock (_gate)
            {
                _now += dueTime;
                if (dueTime > TimeSpan.Zero)
                {
                    _waits.Add(dueTime);
                }
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
