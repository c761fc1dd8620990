namespace AuditAggregator.Orleans.Tests;

public class BackfillWindowTests
{
    [Fact]
    public void CheckpointName_TwoSources_DifferAndNameTheWindow()
    {
        var window = new BackfillWindow(DateTimeOffset.FromUnixTimeMilliseconds(1000), DateTimeOffset.FromUnixTimeMilliseconds(2000));

        Assert.Equal("backfill:acme-docspace:1000:2000", window.CheckpointName("acme-docspace"));
        Assert.NotEqual(window.CheckpointName("a"), window.CheckpointName("b"));
    }

    [Fact]
    public void Constructor_TicksBelowAMillisecond_AreCutSoTheReminderNameGivesTheSameWindow()
    {
        var from = new DateTimeOffset(2026, 11, 3, 19, 52, 45, TimeSpan.FromHours(2)).AddTicks(218_439);
        var window = new BackfillWindow(from, from.AddDays(31));

        Assert.Equal(from.AddTicks(-8_439), window.From);
        Assert.Equal(TimeSpan.Zero, window.To.Offset);
        Assert.True(AuditAggregator.Orleans.Internal.BackfillReminders.TryParse(AuditAggregator.Orleans.Internal.BackfillReminders.Name(window), out var parsed));
        Assert.Equal(window, parsed);
    }

    [Fact]
    public void Validate_EndBeforeStart_Throws()
    {
        var window = new BackfillWindow(DateTimeOffset.FromUnixTimeMilliseconds(2000), DateTimeOffset.FromUnixTimeMilliseconds(1000));

        Assert.Throws<ArgumentException>(window.Validate);
    }
}
