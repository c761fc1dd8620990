using System.Buffers;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Bytes written straight into an <see cref="IBufferWriter{T}"/>: one span asked for at a time, advanced only when it
/// is full or at <see cref="Complete"/>, so a whole event costs one or two calls on the buffer writer.
/// </summary>
internal ref struct Utf8Sink
{
    private const int MinimumChunk = 2048;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _position;

    public Utf8Sink(IBufferWriter<byte> output)
    {
        _output = output;
        _span = output.GetSpan(MinimumChunk);
    }

    /// <summary>Returns the next <paramref name="length"/> bytes, counted as written.</summary>
    public Span<byte> Take(int length)
    {
        if (_span.Length - _position < length)
        {
            Grow(length);
        }

        var taken = _span.Slice(_position, length);
        _position += length;
        return taken;
    }

    /// <summary>Returns room for at least <paramref name="length"/> bytes, not yet counted; see <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int length)
    {
        if (_span.Length - _position < length)
        {
            Grow(length);
        }

        return _span[_position..];
    }

    /// <summary>Counts <paramref name="length"/> bytes of the last <see cref="Reserve"/> as written.</summary>
    public void Commit(int length) => _position += length;

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    public void Write(byte value) => Take(1)[0] = value;

    /// <summary>Hands everything written to the buffer writer.</summary>
    public void Complete()
    {
        _output.Advance(_position);
        _position = 0;
        _span = default;
    }

    private void Grow(int length)
    {
        _output.Advance(_position);
        _position = 0;
        _span = _output.GetSpan(Math.Max(length, MinimumChunk));
    }
}
