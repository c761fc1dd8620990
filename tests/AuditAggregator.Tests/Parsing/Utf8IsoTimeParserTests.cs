using System.Text;
using AuditAggregator.Parsing;
using NodaTime.Text;

namespace AuditAggregator.Tests.Parsing;

public class Utf8IsoTimeParserTests
{
    [Theory]
    [InlineData("2025-06-02T12:15:42.0000000+03:00")]
    [InlineData("2025-06-02T12:15:42.1234567Z")]
    [InlineData("2025-06-02T12:15:42Z")]
    [InlineData("2025-06-02T12:15:42.5-07:30")]
    [InlineData("2025-06-02T00:00:00.000+14:00")]
    [InlineData("2025-06-02T23:59:59.9999999-14:00")]
    [InlineData("2024-02-29T12:00:00-00:00")]
    [InlineData("1000-01-01T00:00:00Z")]
    [InlineData("9000-12-31T23:59:59Z")]
    public void TryParse_AcceptedShape_EqualsNodaTimeExtendedIso(string text)
    {
        var expected = OffsetDateTimePattern.ExtendedIso.Parse(text).Value;
        var parser = new Utf8IsoTimeParser();

        // Twice: the second read reuses the remembered day.
        for (var round = 0; round < 2; round++)
        {
            Assert.True(parser.TryParse(Encoding.ASCII.GetBytes(text), out var time, out var offset));
            Assert.Equal((expected.ToInstant(), expected.Offset), (time, offset));
        }
    }

    [Theory]
    [InlineData("2025-06-02T12:15:42")]
    [InlineData("2025-06-02T12:15:42.12345678Z")]
    [InlineData("2025-06-02T12:15:42.Z")]
    [InlineData("2025-06-02T12:15:42+15:00")]
    [InlineData("2025-06-02T12:15:42+14:30")]
    [InlineData("2025-06-02T12:15:42+03:60")]
    [InlineData("2025-06-02T24:00:00Z")]
    [InlineData("2025-06-02T12:60:00Z")]
    [InlineData("2025-02-30T12:00:00Z")]
    [InlineData("2025-13-01T12:00:00Z")]
    [InlineData("0999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2025-06-02 12:15:42Z")]
    [InlineData("2025-06-02T12:15:42z")]
    [InlineData("2025-06-02T12:15:42Z ")]
    [InlineData("2025-06-02T1x:15:42Z")]
    [InlineData("2025-06-02")]
    public void TryParse_OtherShape_Declines(string text)
    {
        Assert.False(new Utf8IsoTimeParser().TryParse(Encoding.ASCII.GetBytes(text), out _, out _));
    }

    [Fact]
    public void TryParse_SameDayThenABadDay_StillChecksTheNewDay()
    {
        var parser = new Utf8IsoTimeParser();

        Assert.True(parser.TryParse("2025-06-02T12:15:42Z"u8, out _, out _));
        Assert.False(parser.TryParse("2025-06-31T12:15:42Z"u8, out _, out _));
        Assert.True(parser.TryParse("2025-06-02T13:00:00Z"u8, out var time, out _));
        Assert.Equal(NodaTime.Instant.FromUtc(2025, 6, 2, 13, 0), time);
    }
}
