using AuditAggregator.Orleans.Internal;

namespace AuditAggregator.Orleans.Tests.Internal;

public class BackfillRemindersTests
{
    [Fact]
    public void TryParse_NameOfWindow_GivesTheWindowBack()
    {
        var window = new BackfillWindow(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), DateTimeOffset.FromUnixTimeMilliseconds(1_700_086_400_456));

        Assert.True(BackfillReminders.TryParse(BackfillReminders.Name(window), out var parsed));
        Assert.Equal(window, parsed);
    }

    [Theory]
    [InlineData("follow")]
    [InlineData("backfill:")]
    [InlineData("backfill:12")]
    [InlineData("backfill:a:b")]
    public void TryParse_OtherName_IsFalse(string name) => Assert.False(BackfillReminders.TryParse(name, out _));
}
