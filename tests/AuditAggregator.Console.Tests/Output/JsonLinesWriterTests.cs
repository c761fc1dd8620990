using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.Serialization;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests.Output;

/// <summary>The UTF-8 path to a file or stdout writes exactly the text of the documented form, line by line.</summary>
public sealed class JsonLinesWriterTests
{
    [Fact]
    public void Write_OverUtf8StreamWriter_SameBytesAsTheDocumentedSerializer()
    {
        var events = Events(3000).ToList();
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true))
        {
            var writer = new JsonLinesEventWriter(text);
            foreach (var e in events)
            {
                writer.Write(e);
            }

            writer.Complete();
        }

        // The serializer itself, not AuditEventJson (which now shares the console's writer).
        var relaxed = new AuditJsonContext(new JsonSerializerOptions(AuditJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var expected = string.Concat(events.Select(e => JsonSerializer.Serialize(e, relaxed.AuditEvent) + "\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Flush_MidExport_PutsEveryLineWrittenSoFarOnTheStream()
    {
        using var stream = new MemoryStream();
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        var writer = new JsonLinesEventWriter(text);
        var first = Events(2).ToList();
        writer.Write(first[0]);
        writer.Write(first[1]);

        writer.Flush();

        Assert.Equal(AuditEventJson.Serialize(first[0]) + "\n" + AuditEventJson.Serialize(first[1]) + "\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static IEnumerable<AuditEvent> Events(int count)
    {
        var start = Instant.FromUtc(2025, 6, 2, 12, 0);
        for (var i = 0; i < count; i++)
        {
            // Fractions of every length, non-ASCII and escaped characters, and a zone offset.
            var time = start + Duration.FromNanoseconds((long)i * 123_456_789L % 1_000_000_000L) + Duration.FromSeconds(i);
            yield return SyntheticSource.Create("docspace", "login", i, time, login: i % 3 == 0 ? $"jörg\"{i}\\@example.com" : $"user{i}") with
            {
                Offset = Offset.FromHoursAndMinutes(3, 30),
            };
        }
    }
}
