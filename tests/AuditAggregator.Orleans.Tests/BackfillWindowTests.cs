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
    public void Validate_EndBeforeStart_Throws()
    {
        var window = new BackfillWindow(DateTimeOffset.FromUnixTimeMilliseconds(2000), DateTimeOffset.FromUnixTimeMilliseconds(1000));

        Assert.Throws<ArgumentException>(window.Validate);
    }
}
