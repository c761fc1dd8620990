using System.Text;
using AuditAggregator.Serialization.Internal;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.Tests.Serialization;

/// <summary>The fast formatter writes exactly what <see cref="InstantPattern.ExtendedIso"/> writes.</summary>
public sealed class Utf8InstantFormatterTests
{
    public static TheoryData<long> Ticks => new()
    {
        0,
        Instant.FromUtc(2025, 6, 2, 12, 15, 42).ToUnixTimeTicks(),
        Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks(),
        Instant.FromUtc(9999, 12, 31, 23, 59, 59).ToUnixTimeTicks() + 9_999_999,
        Instant.FromUtc(1969, 12, 31, 23, 59, 59).ToUnixTimeTicks() + 1,
    };

    [Theory]
    [MemberData(nameof(Ticks))]
    public void Format_Boundaries_SameAsThePattern(long ticks) => AssertSame(Instant.FromUnixTimeTicks(ticks));

    [Fact]
    public void Format_FractionsOfEveryLength_SameAsThePattern()
    {
        var random = new Random(7);
        var start = Instant.FromUtc(2025, 1, 1, 0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            // Nanoseconds rounded to 10^k for a random k, so that every count of trailing zeros occurs.
            var nanos = random.NextInt64(0, 1_000_000_000L);
            var scale = (long)Math.Pow(10, random.Next(0, 10));
            AssertSame(start + Duration.FromSeconds(random.Next(0, 400_000_000)) + Duration.FromNanoseconds(nanos / scale * scale));
        }
    }

    [Fact]
    public void Format_YearBeforeOne_FallsBackToThePattern() => AssertSame(Instant.FromUtc(-5, 3, 1, 10, 0) + Duration.FromNanoseconds(123_456_789));

    private static void AssertSame(Instant value)
    {
        Span<byte> buffer = stackalloc byte[Utf8InstantFormatter.MaxLength];
        var length = Utf8InstantFormatter.Format(value, buffer);
        Assert.Equal(InstantPattern.ExtendedIso.Format(value), Encoding.UTF8.GetString(buffer[..length]));
    }
}
