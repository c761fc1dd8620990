using System.Text;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.ConsoleApp.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary>Where the data goes may refuse it: a device is a valid output, and a write that fails is a bad output (exit 2), never "unexpected".</summary>
public sealed class OutputFailureTests
{
    [Fact]
    public async Task RunAsync_OutputDevNull_ExportsAndExitsZero()
    {
        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--output", "/dev/null"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("exported", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OutputDash_WritesToStdoutAndCreatesNoFileNamedDash()
    {
        var dash = Path.Combine(Environment.CurrentDirectory, "-");
        try
        {
            var run = await InProcess.RunAsync(["export", "--format", "jsonl", "-o", "-"]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.NotEmpty(run.StdoutLines);
            Assert.False(File.Exists(dash), "a file named '-' was written instead of stdout");
        }
        finally
        {
            File.Delete(dash);
        }
    }

    [Fact]
    public async Task RunAsync_OutputDeviceThatIsFull_ExitsTwoNamingTheOutputAndTheReason()
    {
        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--output", "/dev/full"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--output '/dev/full': cannot write: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("table")]
    public async Task RunAsync_StdoutRefusesWrites_ExitsTwoNamingStdout(string format)
    {
        using var stdout = new StreamWriter(new OutputStream(new FullStream(), "stdout"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        using var stderr = new StringWriter { NewLine = "\n" };
        var environment = new ConsoleEnvironment { Clock = new FakeTimeProvider(InProcess.Now), Variables = new Dictionary<string, string>() };

        var exit = await ConsoleApp.RunAsync(["export", "--format", format], stdout, stderr, environment, CancellationToken.None);

        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Contains("stdout: cannot write: No space left on device (test)", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A stream that refuses every write, as a full disk does.</summary>
    private sealed class FullStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device (test)");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device (test)");

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
