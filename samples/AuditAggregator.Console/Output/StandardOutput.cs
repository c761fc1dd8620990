using Microsoft.Win32.SafeHandles;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// The stream of the data on stdout. .NET's console stream drops a write to a pipe whose reader has gone (EPIPE), so
/// an export piped into <c>head</c> or into a forwarder that died would go on reading every page (each billed by
/// ExaVault) and report them all exported. On Unix, when stdout is a pipe or a terminal, the console writes to file
/// descriptor 1 itself: a closed pipe then fails the write, and the export stops with exit 2 naming stdout.
/// </summary>
/// <remarks>
/// A regular file or a device that can seek (<c>&gt; out.jsonl</c>, <c>/dev/null</c>) keeps the console's stream: a
/// <see cref="FileStream"/> writes at offsets of its own, over anything else written to the same file (<c>2&gt;&amp;1</c>).
/// </remarks>
internal static class StandardOutput
{
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        FileStream? stream = null;
        try
        {
            stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return stream;
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Closed or not writable: the console's own stream says so in its own way.
        }

        stream?.Dispose();
        return Console.OpenStandardOutput();
    }
}
