using System.Diagnostics;
using System.Text;

namespace AuditAggregator.FaultTests.Support;

/// <summary>The built console (<c>audit-aggregator.dll</c>) run as a real child process with <c>dotnet</c>.</summary>
public sealed class ConsoleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ConsoleProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Gets the path of the console's entry assembly, built next to this test project (same configuration).</summary>
    public static string DllPath
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var root = new DirectoryInfo(here);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AuditAggregator.sln")))
            {
                root = root.Parent;
            }

            Assert.NotNull(root);
            var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(root.FullName, "samples", "AuditAggregator.Console", "bin", configuration, "net10.0", "audit-aggregator.dll");
            Assert.True(File.Exists(path), $"{path} is missing; the test project builds the console through its project reference.");
            return path;
        }
    }

    /// <summary>Gets a value indicating whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the exit code (after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Gets what the process wrote on stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the console.</summary>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="arguments">The arguments after the dll.</param>
    /// <param name="environment">Variables to set.</param>
    /// <returns>The running process.</returns>
    public static ConsoleProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var console = new ConsoleProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (console._stderr)
                {
                    console._stderr.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return console;
    }

    /// <summary>Kills the process (SIGKILL, no chance to commit or flush) and waits for it to be gone.</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own just before.
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit.</summary>
    /// <param name="timeout">How long to wait before killing it and failing.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            Assert.Fail($"the console did not finish within {timeout}; stderr: {Stderr}");
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <inheritdoc/>
    public void Dispose() => _process.Dispose();
}
