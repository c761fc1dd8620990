namespace AuditAggregator.FaultTests.Support;

/// <summary>
/// The system clock moved to the simulated world's present: it reads <see cref="FaultHarness.Now"/> when the harness
/// starts and runs on in real time, with real timers. A source then judges, as it would against a real service,
/// whether a window is still open: events arriving at 13:00 of the simulated day are not arriving eleven months late.
/// </summary>
internal sealed class SimulatedWorldClock(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan _shift = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
