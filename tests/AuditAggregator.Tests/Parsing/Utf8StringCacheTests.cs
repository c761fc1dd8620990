using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.Tests.Parsing;

public class Utf8StringCacheTests
{
    [Fact]
    public void GetString_SameBytesTwice_ReturnsTheSameInstance()
    {
        var cache = new Utf8StringCache();

        var first = cache.GetString("alice@example.com"u8);
        var second = cache.GetString("alice@example.com"u8.ToArray());

        Assert.Equal("alice@example.com", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void GetString_DifferentBytes_ReturnsEachValue()
    {
        var cache = new Utf8StringCache(capacity: 16);
        var values = Enumerable.Range(0, 500).Select(i => $"user-{i}@example.com").ToArray();

        // Far more values than slots: every collision replaces a slot, and no value is ever confused with another.
        for (var round = 0; round < 3; round++)
        {
            foreach (var value in values)
            {
                Assert.Equal(value, cache.GetString(Encoding.UTF8.GetBytes(value)));
            }
        }
    }

    [Theory]
    [InlineData("Jörg Müller")]
    [InlineData("管理者")]
    [InlineData("emoji 🙂 user")]
    public void GetString_NonAscii_DecodesAndShares(string value)
    {
        var cache = new Utf8StringCache();
        var bytes = Encoding.UTF8.GetBytes(value);

        var first = cache.GetString(bytes);

        Assert.Equal(value, first);
        Assert.Same(first, cache.GetString(bytes));
    }

    [Fact]
    public void GetString_LongerThanMaxLength_DecodesWithoutSharing()
    {
        var cache = new Utf8StringCache(maxLength: 8);
        var bytes = "a value longer than eight bytes"u8.ToArray();

        var first = cache.GetString(bytes);
        var second = cache.GetString(bytes);

        Assert.Equal("a value longer than eight bytes", first);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void GetString_InvalidUtf8_Throws()
    {
        var cache = new Utf8StringCache();

        Assert.Throws<DecoderFallbackException>(() => cache.GetString([0x61, 0xC3, 0x28]));
    }

    [Fact]
    public void TryGetCached_OnlyFindsWhatWasAdded()
    {
        var cache = new Utf8StringCache();

        Assert.False(cache.TryGetCached("3c1b2c7e"u8, out _));
        var added = cache.GetString("3c1b2c7e"u8);

        Assert.True(cache.TryGetCached("3c1b2c7e"u8, out var found));
        Assert.Same(added, found);
        Assert.False(cache.TryGetCached("3c1b2c7f"u8, out _));
    }

    [Fact]
    public void GetString_EmptyBytes_ReturnsEmpty()
    {
        Assert.Same(string.Empty, new Utf8StringCache().GetString(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void GetStringFromReader_EscapedValue_UnescapesAndSharesWithTheUnescapedBytes()
    {
        var cache = new Utf8StringCache();
        var json = """["J\u00f6rg \/ \"x\"", "Jörg / \"x\""]"""u8.ToArray();
        var reader = new Utf8JsonReader(json);
        reader.Read();

        reader.Read();
        var escaped = cache.GetString(ref reader);
        reader.Read();
        var plain = cache.GetString(ref reader);

        Assert.Equal("Jörg / \"x\"", escaped);
        Assert.Same(escaped, plain);
    }

    [Fact]
    public void GetStringFromReader_NotAString_Throws()
    {
        var cache = new Utf8StringCache();
        var reader = new Utf8JsonReader("42"u8);
        reader.Read();

        try
        {
            cache.GetString(ref reader);
            Assert.Fail("A number token was read as a string.");
        }
        catch (InvalidOperationException ex)
        {
            Assert.Contains("Number", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Concat_SameInstances_ReturnsTheSameJoinedInstance()
    {
        var cache = new Utf8StringCache();
        var browser = cache.GetString("Chrome 120"u8);
        var platform = cache.GetString("Windows 10"u8);

        var first = cache.Concat(browser, "; ", platform);
        var second = cache.Concat(browser, "; ", platform);

        Assert.Equal("Chrome 120; Windows 10", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Concat_EqualButDifferentInstances_StillJoinsCorrectly()
    {
        var cache = new Utf8StringCache();
        var a = cache.Concat(new string('x', 3), "-", "y");
        var b = cache.Concat("x", "-", new string('y', 2));

        Assert.Equal("xxx-y", a);
        Assert.Equal("x-yy", b);
    }

    [Theory]
    [InlineData(15, 128)]
    [InlineData(65_537, 128)]
    [InlineData(1024, 0)]
    [InlineData(1024, 1025)]
    public void Constructor_OutOfRange_Throws(int capacity, int maxLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Utf8StringCache(capacity, maxLength));
    }
}
