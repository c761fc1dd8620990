using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAggregator.Serialization;

namespace AuditAggregator;

/// <summary>
/// Reads and writes <see cref="AuditEvent"/> in the documented JSON form (the form of the console's <c>jsonl</c> output).
/// </summary>
public static class AuditEventJson
{
    // The vendors' and the design's form: "+03:00", not "\u002B03:00". The output is data, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly AuditJsonContext Relaxed = new(new JsonSerializerOptions(AuditJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Writes one event as a JSON object.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="auditEvent">The event.</param>
    public static void Write(Utf8JsonWriter writer, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(auditEvent);
        JsonSerializer.Serialize(writer, auditEvent, Relaxed.AuditEvent);
    }

    /// <summary>
    /// Serializes one event to a JSON string on a single line.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return JsonSerializer.Serialize(auditEvent, Relaxed.AuditEvent);
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
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, auditEvent);
        }

        stream.WriteByte((byte)'\n');
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
}
