using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuditAggregator.PrivateServers;

/// <summary>
/// A private Redis server for tests and demos: <c>redis-server</c> on a free loopback port, with no persistence,
/// its working folder a temporary one; killed and deleted on dispose.
/// </summary>
/// <remarks>Without <c>redis-server</c> on PATH the start fails with an install hint.</remarks>
public sealed class PrivateRedisServer : IAsyncDisposable
{
    /// <summary>The install hint given when Redis is missing.</summary>
    public const string InstallHint = "apt-get install -y redis-server";

    private readonly Process _process;
    private readonly string _directory;

    private PrivateRedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>Gets the TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the endpoint in StackExchange.Redis form, <c>127.0.0.1:port</c>.</summary>
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>
    /// Starts a server and waits until it answers <c>PING</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException"><c>redis-server</c> is missing or did not start.</exception>
    public static Task<PrivateRedisServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync((Environment.GetEnvironmentVariable("PATH") ?? string.Empty) + Path.PathSeparator + "/usr/bin", cancellationToken);

    /// <summary>
    /// Starts a server found in the folders of <paramref name="searchPath"/> (separated as in PATH).
    /// </summary>
    internal static async Task<PrivateRedisServer> StartAsync(string searchPath, CancellationToken cancellationToken)
    {
        var program = FindProgram(searchPath) ?? throw new InvalidOperationException(
            $"redis-server was not found on PATH: install it with `{InstallHint}` (the system service need not run; a private server is started).");
        var directory = Directory.CreateTempSubdirectory("audit-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", string.Empty, "--appendonly", "no", "--dir", directory])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrivateRedisServer(process, directory, port);
        try
        {
            await server.WaitUntilReadyAsync(output, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Kills the server and deletes its folder.</summary>
    /// <returns>A task that completes when the folder is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync(StringBuilder output, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited ({_process.ExitCode}) at start: {Tail(output)}");
            }

            if (await PingAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port} within 20 s: {Tail(output)}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? FindProgram(string searchPath) =>
        searchPath
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 2000 ? text : text[^2000..];
        }
    }
}
