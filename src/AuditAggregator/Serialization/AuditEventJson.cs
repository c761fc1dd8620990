using System.Buffers;
using System.Text;
using System.Text.Json;
using AuditAggregator.Serialization;
using AuditAggregator.Serialization.Internal;

namespace AuditAggregator;

/// <summary>
/// Reads and writes <see cref="AuditEvent"/> in the documented JSON form (the form of the console's <c>jsonl</c> output).
/// </summary>
public static class AuditEventJson
{
    /// <summary>
    /// Writes one event as a JSON object.
    /// </summary>
    /// <remarks>
    /// To write many events, <see cref="AuditEventJsonWriter"/> is faster: it keeps the bytes of repeated strings.
    /// </remarks>
    /// <param name="writer">The writer.</param>
    /// <param name="auditEvent">The event.</param>
    public static void Write(Utf8JsonWriter writer, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!RelaxedJson.IsCompactRelaxed(writer))
        {
            // Another escaping or indentation: the serializer honours the writer's options.
            JsonSerializer.Serialize(writer, auditEvent, RelaxedJson.Context.AuditEvent);
            return;
        }

        using var buffer = Format(auditEvent);
        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
    }

    /// <summary>
    /// Serializes one event to a JSON string on a single line.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        using var buffer = Format(auditEvent);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes one event as a single line of JSON followed by <c>\n</c> (JSON Lines).
    /// </summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="auditEvent">The event.</param>
    public static void WriteLine(Stream stream, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(auditEvent);
        using var buffer = Format(auditEvent);
        buffer.Write("\n"u8);
        stream.Write(buffer.WrittenSpan);
    }

    /// <summary>
    /// Parses one event from JSON text.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The text is not an audit event.</exception>
    public static AuditEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Parses one event from UTF-8 JSON.
    /// </summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The bytes are not an audit event.</exception>
    public static AuditEvent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, AuditJsonContext.Default.AuditEvent)
        ?? throw new JsonException("Expected an audit event object, found null.");

    private static PooledBufferWriter Format(AuditEvent auditEvent)
    {
        var buffer = new PooledBufferWriter(4096);
        try
        {
            new EventJsonFormatter(cacheStrings: false).Write(buffer, auditEvent);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }
}
