using System.Buffers;
using System.Text;
using System.Text.Json;
using AuditAggregator.Serialization.Internal;

namespace AuditAggregator.Tests.Serialization;

public class AuditEventJsonWriterTests
{
    [Theory]
    [MemberData(nameof(TrickyEventNames))]
    public void WriteLine_TrickyEvent_WritesTheSerializersBytes(string name)
    {
        var auditEvent = TrickyEvents.All[name];
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AuditEventJsonWriter(buffer);
        if (OracleFailure(auditEvent) is { } failure)
        {
            Assert.Throws(failure.GetType(), () => writer.WriteLine(auditEvent));
            return;
        }

        var expected = Oracle(auditEvent);

        // Three times: the first misses the cache, the second stores the strings, the third is written from it.
        for (var i = 0; i < 3; i++)
        {
            var start = buffer.WrittenCount;
            writer.WriteLine(auditEvent);
            SerializerOracle.AssertSame([.. expected, (byte)'\n'], buffer.WrittenSpan[start..], $"{name}, write {i + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(TrickyEventNames))]
    public void AuditEventJson_TrickyEvent_EveryEntryWritesTheSerializersBytes(string name)
    {
        var auditEvent = TrickyEvents.All[name];
        if (OracleFailure(auditEvent) is { } failure)
        {
            using var failing = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), SerializerOracle.WriterOptions);
            Assert.Throws(failure.GetType(), () => AuditEventJson.Write(failing, auditEvent));
            Assert.Throws(failure.GetType(), () => AuditEventJson.WriteLine(new MemoryStream(), auditEvent));
            Assert.Throws(failure.GetType(), () => AuditEventJson.Serialize(auditEvent));
            return;
        }

        var expected = Oracle(auditEvent);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, SerializerOracle.WriterOptions))
        {
            AuditEventJson.Write(json, auditEvent);
        }

        using var stream = new MemoryStream();
        AuditEventJson.WriteLine(stream, auditEvent);

        SerializerOracle.AssertSame(expected, buffer.WrittenSpan, name + ", Write");
        SerializerOracle.AssertSame([.. expected, (byte)'\n'], stream.ToArray(), name + ", WriteLine");
        Assert.Equal(Encoding.UTF8.GetString(expected), AuditEventJson.Serialize(auditEvent));
    }

    [Fact]
    public void WriteLine_RandomEvents_WritesTheSerializersBytes()
    {
        var events = new RandomAuditEvents(seed: 20261204, roundTrippable: false);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AuditEventJsonWriter(buffer);

        for (var i = 0; i < 5000; i++)
        {
            var auditEvent = events.Next();
            var start = buffer.WrittenCount;
            writer.WriteLine(auditEvent);
            SerializerOracle.AssertSame([.. Oracle(auditEvent), (byte)'\n'], buffer.WrittenSpan[start..], $"random event {i}");
        }
    }

    [Fact]
    public void Write_RandomEventsThroughAnIndentedWriter_WritesTheSerializersBytes()
    {
        var options = SerializerOracle.WriterOptions with { Indented = true };
        var events = new RandomAuditEvents(seed: 7, roundTrippable: false);

        for (var i = 0; i < 200; i++)
        {
            var auditEvent = events.Next();
            var expected = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(expected, options))
            {
                JsonSerializer.Serialize(json, auditEvent, RelaxedJson.Context.AuditEvent);
            }

            var actual = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(actual, options))
            {
                AuditEventJson.Write(json, auditEvent);
            }

            SerializerOracle.AssertSame(expected.WrittenSpan.ToArray(), actual.WrittenSpan, $"indented random event {i}");
        }
    }

    [Fact]
    public void WriteLine_RandomEvents_ReadBackEqual()
    {
        var events = new RandomAuditEvents(seed: 42, roundTrippable: true);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AuditEventJsonWriter(buffer);

        for (var i = 0; i < 2000; i++)
        {
            var auditEvent = events.Next();
            buffer.ResetWrittenCount();
            writer.Write(auditEvent);

            Assert.Equal(auditEvent, AuditEventJson.Deserialize(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void WriteLine_CachedTextInANewInstance_WritesTheNewInstancesText()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AuditEventJsonWriter(buffer);
        var cached = TrickyEvents.Sample() with { Ip = new string("10.9.8.7".AsSpan()) };
        for (var i = 0; i < 3; i++)
        {
            writer.WriteLine(cached);
        }

        var copy = cached with { Ip = new string("10.9.8.7".AsSpan()) };
        var start = buffer.WrittenCount;
        writer.WriteLine(copy);

        SerializerOracle.AssertSame([.. Oracle(copy), (byte)'\n'], buffer.WrittenSpan[start..], "same text, new instance");
    }

    [Fact]
    public void WriteLine_TwoStringsOfTheSameHash_WritesEachItsOwnText()
    {
        const string First = "a1b2c", Second = "a9b8c";
        Assert.Equal(EscapedStringCache.Hash(First), EscapedStringCache.Hash(Second));
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AuditEventJsonWriter(buffer);
        var first = TrickyEvents.Sample() with { Location = First, Details = new AuditDetails([new(First, First)]) };
        for (var i = 0; i < 3; i++)
        {
            writer.WriteLine(first);
        }

        var second = first with { Location = Second, Details = new AuditDetails([new(Second, Second)]) };
        var start = buffer.WrittenCount;
        writer.WriteLine(second);
        writer.WriteLine(first);

        var expected = Oracle(second).Concat("\n"u8.ToArray()).Concat(Oracle(first)).Concat("\n"u8.ToArray()).ToArray();
        SerializerOracle.AssertSame(expected, buffer.WrittenSpan[start..], "two strings of one hash");
    }

    [Fact]
    public void WriteLine_EveryUtf16CodeUnit_WritesTheSerializersBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AuditEventJsonWriter(buffer);

        // Each code unit alone (a surrogate alone is a lone one), and in runs of 64 neighbours.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var single = ((char)c).ToString();
            var run = c % 64 == 0 ? new string([.. Enumerable.Range(c, 64).Select(x => (char)x)]) : single;
            var auditEvent = TrickyEvents.Sample() with { Location = single, UserAgent = run, Details = new AuditDetails([new(single, run)]) };
            buffer.ResetWrittenCount();
            writer.Write(auditEvent);
            SerializerOracle.AssertSame(Oracle(auditEvent), buffer.WrittenSpan, $"U+{c:X4}");
        }
    }

    [Fact]
    public void Constructor_NullOutput_Throws() => Assert.Throws<ArgumentNullException>(() => new AuditEventJsonWriter(null!));

    [Fact]
    public void Write_NullEvent_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new AuditEventJsonWriter(new ArrayBufferWriter<byte>()).Write(null!));

    public static TheoryData<string> TrickyEventNames() => TrickyEvents.Names();

    private static byte[] Oracle(AuditEvent auditEvent) => SerializerOracle.Serialize(auditEvent);

    // What the serializer cannot write (raw JSON that is not UTF-16), the writer must refuse the same way.
    private static Exception? OracleFailure(AuditEvent auditEvent) => Record.Exception(() => Oracle(auditEvent));
}
