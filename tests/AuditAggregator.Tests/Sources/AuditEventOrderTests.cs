using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Sources;

public class AuditEventOrderTests
{
    private static readonly Instant T = Instant.FromUtc(2025, 6, 2, 9, 0);

    [Fact]
    public void OldestFirst_TiesBrokenBySourceThenStreamThenNumericId()
    {
        var events = new[]
        {
            SyntheticSource.Create("exavault", "session", 1, T),
            SyntheticSource.Create("docspace", "login", 10, T),
            SyntheticSource.Create("docspace", "login", 9, T),
            SyntheticSource.Create("exavault", "login", 5, T),
            SyntheticSource.Create("docspace", "login", 1, T - Duration.FromSeconds(1)),
        };

        var sorted = events.Order(AuditEventOrder.OldestFirst).Select(e => e.Id).ToArray();

        Assert.Equal(
            ["docspace:login:1", "docspace:login:9", "docspace:login:10", "exavault:login:5", "exavault:session:1"],
            sorted);
    }

    [Fact]
    public void NewestFirst_IsTheExactReverse()
    {
        var events = Enumerable.Range(0, 50)
            .Select(i => SyntheticSource.Create(i % 2 == 0 ? "a" : "b", i % 3 == 0 ? "x" : "y", i * 7 % 13, T + Duration.FromSeconds(i % 4)))
            .DistinctBy(e => e.Id)
            .ToArray();

        var oldest = events.Order(AuditEventOrder.OldestFirst).ToArray();
        var newest = events.Order(AuditEventOrder.NewestFirst).ToArray();

        Assert.Equal(oldest.Reverse(), newest);
    }

    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("010", "10", 0)]
    [InlineData("123456789012345678901234567890", "99", 1)]
    [InlineData("a", "b", -1)]
    [InlineData("10", "9a", -1)]
    public void CompareSourceIds_NumericWhenBothNumeric(string x, string y, int sign)
    {
        Assert.Equal(sign, Math.Sign(AuditEventOrder.CompareSourceIds(x, y)));
    }
}
