using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// A reusable buffer that builds one JSON object and writes it to a <see cref="TextWriter"/> as one line. The output
/// is a data file, never HTML, so only what JSON requires is escaped (<c>+</c> and <c>'</c> stay readable).
/// </summary>
internal sealed class JsonLine
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public JsonLine(bool indented = false)
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Builds one object with <paramref name="build"/> and writes it, followed by <c>\n</c>.</summary>
    public void Write(TextWriter output, Action<Utf8JsonWriter> build)
    {
        _buffer.Clear();
        _json.Reset(_buffer);
        build(_json);
        _json.Flush();
        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
    }
}
