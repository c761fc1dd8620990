using NodaTime;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>A run of failed logins by one person: at least <see cref="BurstDetector.Threshold"/> within <see cref="BurstDetector.Window"/>.</summary>
internal sealed class FailedLoginBurst
{
    public required Instant Start { get; set; }

    public required Instant End { get; init; }

    public required int Failures { get; set; }
}
