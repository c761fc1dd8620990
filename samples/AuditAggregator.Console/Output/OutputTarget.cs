using System.Text;
using System.Text.Json;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Where the data goes: stdout, or a file that can be resumed. For a file, <see cref="CaptureState"/> flushes it to
/// disk and returns its length, which a checkpoint commits together with the read's progress.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly FileStream? _file;

    private OutputTarget(TextWriter writer, FileStream? file, string? path, bool isTerminal, long startLength)
    {
        Writer = writer;
        _file = file;
        Path = path;
        IsTerminal = isTerminal;
        StartLength = startLength;
    }

    /// <summary>Gets the writer the data goes to.</summary>
    public TextWriter Writer { get; }

    /// <summary>Gets the full path of the file, or <see langword="null"/> for stdout.</summary>
    public string? Path { get; }

    /// <summary>Gets a value indicating whether the data goes to a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Gets the length the file had when opened: non-zero when a resumed export appends to it.</summary>
    public long StartLength { get; }

    public static OutputTarget Stdout(TextWriter stdout, bool isTerminal) => new(stdout, null, null, isTerminal, 0);

    /// <summary>
    /// Opens <paramref name="path"/>, cut back to its first <paramref name="keep"/> bytes. With 0 it starts afresh by
    /// truncating at open, which also takes a device (<c>/dev/null</c>, <c>/dev/stdout</c>) that cannot be cut or seeked.
    /// </summary>
    public static OutputTarget OpenFile(string path, long keep)
    {
        var full = System.IO.Path.GetFullPath(path);
        var file = new FileStream(full, keep == 0 ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        try
        {
            if (keep > 0)
            {
                file.SetLength(keep);
                file.Seek(0, SeekOrigin.End);
            }

            var stream = new OutputStream(file, $"--output '{full}'");
            var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            return new OutputTarget(writer, file, full, isTerminal: false, keep);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Flushes everything written so far to disk and returns the sink state to commit (<see langword="null"/> for stdout).</summary>
    public string? CaptureState(string format)
    {
        Writer.Flush();
        if (_file is null)
        {
            return null;
        }

        try
        {
            _file.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            throw new OutputWriteException($"--output '{Path}'", ex);
        }

        return JsonSerializer.Serialize(new SinkState(Path!, format, _file.Length), ConsoleJsonContext.Default.SinkState);
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            Writer.Dispose();
            _file.Dispose();
        }
        else
        {
            Writer.Flush();
        }
    }
}
