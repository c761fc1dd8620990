using System.Globalization;

namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// Finds the process behind a loopback TCP connection from Linux's <c>/proc</c>: the socket's inode from
/// <c>/proc/net/tcp</c>, then the process holding a descriptor on that inode.
/// </summary>
internal static class SocketOwners
{
    /// <summary>Gets the process whose socket is bound to local port <paramref name="port"/>, or <see langword="null"/>.</summary>
    public static int? ProcessOfClientPort(int port)
    {
        var inode = InodeOfLocalPort(port);
        if (inode is null)
        {
            return null;
        }

        var link = $"socket:[{inode}]";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")).Any(fd => new FileInfo(fd).LinkTarget == link))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A process that ended meanwhile, or one of another user: not a silo of this test.
            }
        }

        return null;
    }

    private static string? InodeOfLocalPort(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && columns[9] != "0")
                {
                    return columns[9];
                }
            }
        }

        return null;
    }
}
