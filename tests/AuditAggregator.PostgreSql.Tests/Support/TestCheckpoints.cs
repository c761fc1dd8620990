using AuditAggregator.Checkpoints;
using NodaTime;

namespace AuditAggregator.PostgreSql.Tests.Support;

/// <summary>
/// Checkpoints for the tests.
/// </summary>
public static class TestCheckpoints
{
    public static FollowCheckpoint Empty { get; } = FollowCheckpoint.Empty;

    public static FollowCheckpoint At(int minute, string? sinkState = null) => new(
        new Dictionary<string, SourceCheckpoint>
        {
            ["docspace"] = new()
            {
                Watermark = Instant.FromUtc(2025, 6, 2, 12, minute),
                RecentIds = [new DeliveredId("docspace:login:7", Instant.FromUtc(2025, 6, 2, 11, 58))],
                PendingFrom = Instant.FromUtc(2025, 6, 2, 11, 55),
                PendingTo = Instant.FromUtc(2025, 6, 2, 12, 30),
                DeliveredDownTo = Instant.FromUtc(2025, 6, 2, 12, 10, 5),
                IdsAtDeliveredDownTo = ["docspace:login:9", "docspace:login:10"],
            },
        },
        sinkState);
}
