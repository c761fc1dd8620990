namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// The stream under the data's writer (stdout, or the <c>--output</c> file): a write or flush that fails (a full disk,
/// a device that refuses data) becomes an <see cref="OutputWriteException"/> naming where the data was going, so the
/// console reports it as a bad output (exit 2) instead of an unexpected error.
/// </summary>
internal sealed class OutputStream : Stream
{
    private readonly Stream _inner;
    private readonly string _target;

    /// <summary>Initializes a new instance of the <see cref="OutputStream"/> class.</summary>
    /// <param name="inner">The stream written to; disposed with this one.</param>
    /// <param name="target">Where the data goes, as the message names it: <c>stdout</c> or <c>--output 'audit.jsonl'</c>.</param>
    public OutputStream(Stream inner, string target)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(target);
        _inner = inner;
        _target = target;
    }

    public override bool CanRead => false;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
        }
        catch (IOException ex)
        {
            throw new OutputWriteException(_target, ex);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new OutputWriteException(_target, ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        try
        {
            _inner.Flush();
        }
        catch (IOException ex)
        {
            throw new OutputWriteException(_target, ex);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new OutputWriteException(_target, ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value) => _inner.SetLength(value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
