namespace AuditAggregator.Simulators.Tests.Data;

public class SimulatedLogTests
{
    private static DocSpaceData DocSpace(long seed = 1, int count = 2500) =>
        DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now, Seed = seed, EventCount = count });

    private static ExaVaultData ExaVault(long seed = 1, int sessions = 1800, int webhooks = 700) =>
        ExaVaultData.Create(new ExaVaultSimulatorOptions { Now = Clients.Now, Seed = seed, SessionEventCount = sessions, WebhookEventCount = webhooks });

    [Fact]
    public void Records_SameSeed_AreIdentical()
    {
        var a = DocSpace().Login.NewestFirst().ToList();
        var b = DocSpace().Login.NewestFirst().ToList();
        Assert.Equal(a, b);
        Assert.Equal(ExaVault().Session.NewestFirst(), ExaVault().Session.NewestFirst());
        Assert.Equal(ExaVault().Webhooks.NewestFirst(), ExaVault().Webhooks.NewestFirst());
    }

    [Fact]
    public void Records_DifferentSeed_Differ()
    {
        var a = DocSpace(1).Login.NewestFirst().Select(r => (r.Login, r.Action)).ToList();
        var b = DocSpace(2).Login.NewestFirst().Select(r => (r.Login, r.Action)).ToList();
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(1_000_000)]
    public void Times_NonDecreasingWithTiesAndIdsStrictlyIncreasing(int count)
    {
        var log = DocSpace(count: count).Login;
        var ties = 0;
        var step = Math.Max(1, count / 20_000);
        var previous = log[0];
        for (long i = 1; i < count; i += i < 20_000 ? 1 : step)
        {
            var current = log[i];
            Assert.True(current.Time >= previous.Time, $"time went back at {i}");
            Assert.True(current.Id > previous.Id, $"id did not grow at {i}");
            ties += current.Time == previous.Time && current.Index == previous.Index + 1 ? 1 : 0;
            previous = current;
        }

        Assert.True(ties > 10, $"only {ties} exact-timestamp ties");
        Assert.InRange(log[0].Time, Clients.Now.AddDays(-30), Clients.Now.AddDays(-29));
        Assert.InRange(log[count - 1].Time, Clients.Now.AddDays(-1), Clients.Now);
        Assert.All(new[] { log[0], log[count / 2], log[count - 1] }, r => Assert.Equal(0, r.Time.Millisecond));
    }

    [Fact]
    public void EventsBetween_BothEndsInclusive_OldestFirst()
    {
        var log = ExaVault().Session;
        var from = log[100].Time;
        var to = log[200].Time;
        var window = log.EventsBetween(from, to).ToList();
        var expected = log.NewestFirst().Where(r => r.Time >= from && r.Time <= to).Reverse().ToList();
        Assert.Equal(expected, window);
        Assert.Contains(window, r => r.Time == from);
        Assert.Contains(window, r => r.Time == to);
    }

    [Fact]
    public void Append_AddsNewerEventsWithGrowingIds()
    {
        var log = DocSpace().Login;
        var newest = log[log.Count - 1];
        Assert.Equal(2505, log.Append(5));
        var appended = log[2500];
        Assert.True(appended.Id > newest.Id);
        Assert.True(appended.Time > Clients.Now);
        Assert.Equal(log[2504].Time, Clients.Now.AddSeconds(5));
        Assert.Equal(2500, log.InitialCount);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var log = DocSpace(count: 10).Login;
        Assert.Throws<ArgumentOutOfRangeException>(() => log[10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
    }
}
