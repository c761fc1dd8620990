using System.Text;
using AuditAggregator.Serialization.Internal;
using NodaTime;

namespace AuditAggregator.Tests.Serialization;

public class Utf8OffsetFormatterTests
{
    [Fact]
    public void Format_EverySecondOfTheRange_MatchesTheConverter()
    {
        Span<byte> text = stackalloc byte[Utf8OffsetFormatter.MaxLength];
        for (var seconds = Offset.MinValue.Seconds; seconds <= Offset.MaxValue.Seconds; seconds++)
        {
            var offset = Offset.FromSeconds(seconds);
            var length = Utf8OffsetFormatter.Format(offset, text);
            Assert.Equal(OffsetJsonConverter.FormatOffset(offset), Encoding.ASCII.GetString(text[..length]));
        }
    }
}
