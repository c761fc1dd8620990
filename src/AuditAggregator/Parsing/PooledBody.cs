using System.Buffers;

namespace AuditAggregator.Parsing;

/// <summary>
/// A response body read from its stream into a pooled buffer, for parsers that
/// read one page with a <see cref="System.Text.Json.Utf8JsonReader"/> over a single span. Dispose returns the buffer.
/// </summary>
/// <remarks>
/// A page's bytes are held while its events are built and no longer; the buffer goes back to the pool for the next
/// page, so a long read allocates no per-page body. The body is never turned into a string.
/// </remarks>
public sealed class PooledBody : IDisposable
{
    /// <summary>The default largest body accepted: 256 MiB.</summary>
    public const int DefaultMaxLength = 256 * 1024 * 1024;

    private const int InitialLength = 64 * 1024;

    /// <summary>
    /// Our own pool, not <see cref="ArrayPool{T}.Shared"/>: the shared pool keeps a buffer per size per thread, and a
    /// body of unknown length grows through every size (64 KiB to 4 MiB for a page of 2,500 webhooks) on whichever
    /// thread-pool thread runs the read, so over a long export it came to hold about 80 MiB. This one keeps at most
    /// <see cref="BuffersPerSize"/> buffers of each size, shared by all threads, and none over 64 MiB.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: BuffersPerSize);

    private const int BuffersPerSize = 8;

    private byte[]? _buffer;
    private int _length;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Gets the number of bytes read.</summary>
    public int Length => _length;

    /// <summary>Gets the bytes read.</summary>
    /// <exception cref="ObjectDisposedException">The body was disposed.</exception>
    public ReadOnlySpan<byte> Span => new(Buffer, 0, _length);

    /// <summary>Gets the bytes read.</summary>
    /// <exception cref="ObjectDisposedException">The body was disposed.</exception>
    public ReadOnlyMemory<byte> Memory => new(Buffer, 0, _length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBody));

    /// <summary>
    /// Reads <paramref name="stream"/> to its end.
    /// </summary>
    /// <param name="stream">The body stream.</param>
    /// <param name="lengthHint">The declared length (<c>Content-Length</c>), or <see langword="null"/>; only a hint.</param>
    /// <param name="maxLength">The largest body accepted, in bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The body is longer than <paramref name="maxLength"/>.</exception>
    public static async ValueTask<PooledBody> ReadAsync(Stream stream, long? lengthHint = null, int maxLength = DefaultMaxLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var initial = lengthHint is > 0 and var hint ? (int)Math.Min(hint + 1, maxLength + 1L) : InitialLength;
        var buffer = Pool.Rent(Math.Max(initial, 16));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxLength)
                    {
                        break;
                    }

                    var larger = Pool.Rent((int)Math.Min(buffer.Length * 2L, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Pool.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxLength)
                {
                    break;
                }
            }

            if (length > maxLength)
            {
                throw new InvalidDataException($"The response body is longer than the {maxLength:N0} bytes accepted.");
            }

            var body = new PooledBody(buffer, length);
            buffer = null;
            return body;
        }
        finally
        {
            if (buffer is not null)
            {
                Pool.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Returns the buffer to the pool.
    /// </summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _length = 0;
            Pool.Return(buffer);
        }
    }
}
