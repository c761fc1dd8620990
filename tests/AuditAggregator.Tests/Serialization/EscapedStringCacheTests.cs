using AuditAggregator.Serialization.Internal;

namespace AuditAggregator.Tests.Serialization;

public class EscapedStringCacheTests
{
    [Fact]
    public void Offer_SecondSightingInARow_KeepsTheBytes()
    {
        var cache = new EscapedStringCache(8);
        var value = new string("Alice".AsSpan());

        cache.Find(value).Offer(value, "\"Alice\""u8);
        Assert.Null(cache.Find(value).Key);
        cache.Find(value).Offer(value, "\"Alice\""u8);

        Assert.Same(value, cache.Find(value).Key);
        Assert.Equal("\"Alice\""u8.ToArray(), cache.Find(value).Bytes);
    }

    [Fact]
    public void Offer_OtherStringsInBetween_KeepsNothing()
    {
        var cache = new EscapedStringCache(1);
        string a = "a", b = "b";

        cache.Find(a).Offer(a, "\"a\""u8);
        cache.Find(b).Offer(b, "\"b\""u8);
        cache.Find(a).Offer(a, "\"a\""u8);

        Assert.Null(cache.Find(a).Key);
    }

    [Fact]
    public void Offer_LongerThanTheLimit_KeepsNothing()
    {
        var cache = new EscapedStringCache(4);
        var value = new string('x', EscapedStringCache.MaxBytes);
        var bytes = new byte[EscapedStringCache.MaxBytes + 1];

        cache.Find(value).Offer(value, bytes);
        cache.Find(value).Offer(value, bytes);

        Assert.Null(cache.Find(value).Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void Constructor_SizeNotAPowerOfTwo_Throws(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscapedStringCache(size));
}
