namespace AuditAggregator.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when told; timers fire when <see cref="Advance"/> passes them.
/// Microsoft.Extensions.TimeProvider.Testing is not served by the registry, so this is ours.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    /// <summary>Initializes a new instance of the <see cref="FakeTimeProvider"/> class.</summary>
    public FakeTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Gets or sets a value indicating whether every timer fires at once (delays take no time). Default false.</summary>
    public bool AutoAdvance { get; set; }

    /// <summary>Gets the total of the delays timers were created with, for assertions on backoff.</summary>
    public TimeSpan TotalScheduled { get; private set; }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_timers)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock forward and fires the timers that fall due.</summary>
    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_timers)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Sets the clock.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_timers)
        {
            _now = value;
        }

        Advance(TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        bool fireNow;
        lock (_timers)
        {
            TotalScheduled += dueTime;
            timer.DueAt = _now + dueTime;
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }

            fireNow = dueTime == TimeSpan.Zero || AutoAdvance;
            if (AutoAdvance && dueTime > TimeSpan.Zero)
            {
                _now += dueTime;
            }
        }

        if (fireNow)
        {
            ThreadPool.QueueUserWorkItem(_ => timer.Fire());
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner.Remove(this);
            }
            else
            {
                owner.Schedule(this, dueTime);
            }

            return true;
        }

        public void Fire()
        {
            owner.Remove(this);
            callback(state);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                owner.Schedule(this, _period);
            }
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
