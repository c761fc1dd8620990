using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AuditAggregator.PrivateServers;

/// <summary>
/// A private PostgreSQL server for tests and demos: a new cluster in a temporary folder (<c>initdb</c>), started on a free
/// loopback port (<c>pg_ctl</c>), stopped and deleted on dispose.
/// </summary>
/// <remarks>
/// Run as root, the cluster belongs to the <c>postgres</c> user and both tools run as it (<c>runuser</c>), since
/// PostgreSQL refuses to run as root; run as any other user, as that user. TCP logins need the password
/// (<c>scram-sha-256</c>), the local socket does not. A client that dies inside a long statement is noticed within
/// half a second (<c>client_connection_check_interval</c>), so its transaction ends as it would on a real crash. Without
/// <c>initdb</c> the start fails with an install hint.
/// </remarks>
public sealed class PrivatePostgreSqlServer : IAsyncDisposable
{
    /// <summary>The superuser's name.</summary>
    public const string User = "postgres";

    /// <summary>The install hint given when PostgreSQL is missing.</summary>
    public const string InstallHint = "apt-get install -y postgresql";

    private readonly string _directory;
    private readonly string _binaries;
    private readonly bool _asPostgresUser;

    private PrivatePostgreSqlServer(string directory, string binaries, bool asPostgresUser, int port, string password)
    {
        _directory = directory;
        _binaries = binaries;
        _asPostgresUser = asPostgresUser;
        Port = port;
        Password = password;
    }

    /// <summary>Gets the TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the superuser's password.</summary>
    public string Password { get; }

    /// <summary>Gets a connection string to the <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString => ConnectionStringWith(Password);

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Gets a connection string to the <c>postgres</c> database with another password.</summary>
    public string ConnectionStringWith(string password) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Password={password};Database=postgres;Pooling=true";

    /// <summary>
    /// Creates and starts a cluster.
    /// </summary>
    /// <param name="durable">When <see langword="false"/> (tests), <c>fsync</c> and synchronous commits are off: fast, and lost on a power cut.</param>
    /// <param name="maxConnections">The server's <c>max_connections</c>; a cluster of collectors needs more than the default.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<PrivatePostgreSqlServer> StartAsync(bool durable = false, int maxConnections = 100, CancellationToken cancellationToken = default)
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL's initdb was found neither on PATH nor under /usr/lib/postgresql/<version>/bin: install the server with `{InstallHint}`.");
        var asPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("audit-pg-").FullName;
        var password = "pw-" + Guid.NewGuid().ToString("N");
        try
        {
            var passwordFile = Path.Combine(directory, "password");
            await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken).ConfigureAwait(false);
            if (asPostgresUser)
            {
                await RunAsync("chown", ["-R", $"{User}:", directory], cancellationToken).ConfigureAwait(false);
            }

            var server = new PrivatePostgreSqlServer(directory, binaries, asPostgresUser, FreePort(), password);
            await server.RunToolAsync("initdb", ["-D", server.DataDirectory, "-U", User, "-E", "UTF8", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}"], cancellationToken).ConfigureAwait(false);
            File.Delete(passwordFile);
            var settings = $"-p {server.Port.ToString(CultureInfo.InvariantCulture)} -k {directory} -c listen_addresses=127.0.0.1 -c client_connection_check_interval=500 -c max_connections={maxConnections.ToString(CultureInfo.InvariantCulture)}"
                + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await server.RunToolAsync("pg_ctl", ["-D", server.DataDirectory, "-o", settings, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30", "start"], cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>) and deletes its folder.</summary>
    /// <returns>A task that completes when the folder is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        // Debian's packages keep the server's tools out of PATH, one folder per major version.
        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.EnumerateDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunToolAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binaries, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", User, "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
