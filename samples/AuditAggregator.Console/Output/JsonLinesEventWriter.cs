namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format jsonl</c>: one <see cref="AuditEvent"/> per line, exactly the documented JSON form of
/// <c>audit-event.md</c> (<see cref="AuditEventJson"/>), each line ended by <c>\n</c> on every platform.
/// </summary>
internal sealed class JsonLinesEventWriter(TextWriter output) : IEventWriter
{
    public void Write(AuditEvent auditEvent)
    {
        output.Write(AuditEventJson.Serialize(auditEvent));
        output.Write('\n');
    }

    public void Flush() => output.Flush();

    public void Complete() => Flush();
}
