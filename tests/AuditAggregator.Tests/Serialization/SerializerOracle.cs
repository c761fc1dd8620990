using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAggregator.Serialization;

namespace AuditAggregator.Tests.Serialization;

/// <summary>
/// The path before the hand-written writer, kept as the reference: the source-generated context with relaxed
/// escaping, through a compact <see cref="Utf8JsonWriter"/> as the console used it.
/// </summary>
internal static class SerializerOracle
{
    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly AuditJsonContext Context = new(new JsonSerializerOptions(AuditJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize(AuditEvent auditEvent)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, auditEvent, Context.AuditEvent);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Compares as text first, for a readable failure, then as bytes.</summary>
    public static void AssertSame(byte[] expected, ReadOnlySpan<byte> actual, string because)
    {
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{because}:\nexpected {Show(expected)}\nactual   {Show(actual)}");
    }

    private static string Show(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 2000 ? System.Text.Encoding.UTF8.GetString(bytes[..2000]) + "..." : System.Text.Encoding.UTF8.GetString(bytes);
}
