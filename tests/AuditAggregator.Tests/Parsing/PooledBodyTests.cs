using AuditAggregator.Parsing;

namespace AuditAggregator.Tests.Parsing;

public class PooledBodyTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(10, null)]
    [InlineData(200_000, null)]
    [InlineData(200_000, 200_000L)]
    [InlineData(200_000, 10L)]
    [InlineData(100, 1_000_000L)]
    public async Task ReadAsync_AnyLengthAndHint_ReturnsEveryByte(int length, long? hint)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        using var stream = new TrickleStream(bytes, chunk: 4_099);

        using var body = await PooledBody.ReadAsync(stream, hint);

        Assert.Equal(length, body.Length);
        Assert.True(body.Span.SequenceEqual(bytes));
    }

    [Fact]
    public async Task ReadAsync_LongerThanMax_ThrowsNamingTheLimit()
    {
        using var stream = new MemoryStream(new byte[1_001]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await PooledBody.ReadAsync(stream, maxLength: 1_000));

        Assert.Contains("1,000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ExactlyMax_IsAccepted()
    {
        using var stream = new MemoryStream(new byte[1_000]);

        using var body = await PooledBody.ReadAsync(stream, lengthHint: 1_000, maxLength: 1_000);

        Assert.Equal(1_000, body.Length);
    }

    [Fact]
    public async Task Span_AfterDispose_Throws()
    {
        using var stream = new MemoryStream(new byte[3]);
        var body = await PooledBody.ReadAsync(stream);

        body.Dispose();
        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Span.Length);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream(new byte[3]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await PooledBody.ReadAsync(stream, cancellationToken: cancelled.Token));
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, like a socket.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
