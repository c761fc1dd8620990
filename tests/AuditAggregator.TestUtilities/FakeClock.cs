using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.Testing;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> that also records the timers it creates and, when told, lets short waits
/// pass at once: a timer due sooner than <see cref="AutoAdvanceBelow"/> moves the clock to its due time and fires.
/// </summary>
/// <remarks>
/// Longer timers, such as attempt timeouts, fire only when the clock passes them, so no test races a timeout. The
/// clock is moved with <see cref="FakeTimeProvider.SetUtcNow"/>, which does not pause the thread as
/// <see cref="FakeTimeProvider.Advance(TimeSpan)"/> does.
/// </remarks>
public sealed class FakeClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _scheduled = [];

    /// <summary>Initializes a new instance of the <see cref="FakeClock"/> class at <see cref="DefaultStart"/>.</summary>
    public FakeClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Gets the time a clock starts at when none is given.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the length under which a wait passes at once. Default zero: every timer waits for the clock.</summary>
    public TimeSpan AutoAdvanceBelow { get; init; }

    /// <summary>Gets the due time of every timer created, in order (zero and infinite ones left out).</summary>
    public IReadOnlyList<TimeSpan> Scheduled
    {
        get
        {
            lock (_scheduled)
            {
                return [.. _scheduled];
            }
        }
    }

    /// <summary>Gets the waits that passed at once, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => [.. Scheduled.Where(due => due < AutoAdvanceBelow)];

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_scheduled)
            {
                _scheduled.Add(dueTime);
            }

            if (dueTime < AutoAdvanceBelow)
            {
                SetUtcNow(GetUtcNow() + dueTime);
            }
        }

        return timer;
    }
}
