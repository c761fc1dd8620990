using System.Buffers;
using AuditAggregator.Serialization.Internal;

namespace AuditAggregator;

/// <summary>
/// Writes many <see cref="AuditEvent"/>s in the documented JSON form straight to UTF-8 output, keeping the escaped
/// bytes of the strings that repeat from event to event (names, addresses, user agents, codes).
/// </summary>
/// <remarks>
/// The bytes are exactly those of <see cref="AuditEventJson.Serialize"/> in UTF-8. A repeated string is recognised by
/// reference, as the adapters share one instance per distinct value within a read; a small fixed number of them is
/// kept. One instance per output; not thread-safe.
/// </remarks>
public sealed class AuditEventJsonWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly EventJsonFormatter _formatter = new(cacheStrings: true);

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditEventJsonWriter"/> class.
    /// </summary>
    /// <param name="output">The buffer to write the UTF-8 JSON to.</param>
    public AuditEventJsonWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>
    /// Writes one event as a JSON object.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    public void Write(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        _formatter.Write(_output, auditEvent);
    }

    /// <summary>
    /// Writes one event as a single line of JSON followed by <c>\n</c> (JSON Lines).
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    public void WriteLine(AuditEvent auditEvent)
    {
        Write(auditEvent);
        _output.GetSpan(1)[0] = (byte)'\n';
        _output.Advance(1);
    }
}
