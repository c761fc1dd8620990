using System.Buffers;
using System.Text;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format jsonl</c>: one <see cref="AuditEvent"/> per line, exactly the documented JSON form of
/// <c>audit-event.md</c> (<see cref="AuditEventJson"/>), each line ended by <c>\n</c> on every platform.
/// </summary>
/// <remarks>
/// Over a UTF-8 <see cref="StreamWriter"/> (a file, stdout) the lines are written as UTF-8 straight to its stream
/// through one <see cref="AuditEventJsonWriter"/>, in blocks of 64 KiB: no string per event and no transcoding,
/// which were a third of an export's CPU, and the escaped bytes of repeated names, addresses and codes kept from
/// line to line. Any other writer gets the same text through <see cref="AuditEventJson.Serialize"/>.
/// </remarks>
internal sealed class JsonLinesEventWriter : IEventWriter
{
    private const int BlockSize = 1 << 16;

    private readonly TextWriter _output;
    private readonly Stream? _stream;
    private readonly ArrayBufferWriter<byte> _block = new(BlockSize + 4096);
    private readonly AuditEventJsonWriter? _json;

    public JsonLinesEventWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        if (output is StreamWriter { Encoding: UTF8Encoding encoding } writer && encoding.GetPreamble().Length == 0)
        {
            _stream = writer.BaseStream;
            _json = new AuditEventJsonWriter(_block);
        }
    }

    public void Write(AuditEvent auditEvent)
    {
        if (_json is null)
        {
            _output.Write(AuditEventJson.Serialize(auditEvent));
            _output.Write('\n');
            return;
        }

        _json.WriteLine(auditEvent);
        if (_block.WrittenCount >= BlockSize)
        {
            WriteBlock();
        }
    }

    public void Flush()
    {
        if (_stream is not null)
        {
            WriteBlock();
        }

        _output.Flush();
    }

    public void Complete() => Flush();

    private void WriteBlock()
    {
        // Whatever went through the text writer before comes first.
        _output.Flush();
        _stream!.Write(_block.WrittenSpan);
        _block.ResetWrittenCount();
    }
}
