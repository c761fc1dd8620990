using AuditAggregator.ConsoleApp.Comparison;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class BurstDetectorTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 6, 2, 12, 0);

    private static BurstDetector Feed(params int[] secondsAgo)
    {
        var detector = new BurstDetector();
        foreach (var s in secondsAgo.Order())
        {
            detector.Add(Start - Duration.FromSeconds(s));
        }

        return detector;
    }

    [Fact]
    public void Add_FiveFailuresWithinTenMinutes_FindsOneBurst()
    {
        var detector = Feed(0, 60, 120, 300, 599);

        var burst = Assert.Single(detector.Bursts);
        Assert.Equal(5, burst.Failures);
        Assert.Equal(Start - Duration.FromSeconds(599), burst.Start);
        Assert.Equal(Start, burst.End);
    }

    [Fact]
    public void Add_FourFailures_FindsNone() => Assert.Empty(Feed(0, 10, 20, 30).Bursts);

    [Fact]
    public void Add_FiveFailuresOverElevenMinutes_FindsNone() => Assert.Empty(Feed(0, 165, 330, 495, 660).Bursts);

    [Fact]
    public void Add_TwoSeparateRuns_FindsTwoBurstsWithAllTheirFailures()
    {
        var detector = Feed(0, 1, 2, 3, 4, 5, 3600, 3601, 3602, 3603, 3604);

        Assert.Equal([6, 5], detector.Bursts.Select(b => b.Failures));
    }
}
