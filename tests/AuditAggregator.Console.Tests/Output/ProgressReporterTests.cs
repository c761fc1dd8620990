using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests.Output;

/// <summary>The closing line on stderr counts events per source, in words that fit the count.</summary>
public sealed class ProgressReporterTests
{
    [Theory]
    [InlineData(0, "exported 0 events in ")]
    [InlineData(1, "exported 1 event (docspace 1) in ")]
    [InlineData(2, "exported 2 events (docspace 2) in ")]
    public void Summary_Count_SaysEventOrEventsAndTheCountPerSource(int count, string expected)
    {
        using var stderr = new StringWriter();
        using var progress = new ProgressReporter(stderr, live: false);
        for (var i = 0; i < count; i++)
        {
            progress.Count(SyntheticSource.Create("docspace", "login", i, Instant.FromUtc(2025, 6, 2, 12, 0) + Duration.FromSeconds(i)));
        }

        Assert.Contains(expected, progress.Summary("exported"), StringComparison.Ordinal);
    }
}
