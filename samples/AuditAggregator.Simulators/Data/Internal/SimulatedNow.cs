namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>The instant a data set ends at: the configured one, else the clock's now, in UTC whole seconds.</summary>
internal static class SimulatedNow
{
    public static DateTimeOffset Resolve(DateTimeOffset? now, TimeProvider timeProvider)
    {
        var value = now ?? timeProvider.GetUtcNow();
        return new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
