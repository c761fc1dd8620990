using System.Diagnostics;
using System.Globalization;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// One silo as a child process of this program (<c>audit-collector silo ...</c>), its output in a log file.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(int index, int siloPort, Process process, StreamWriter log)
    {
        Index = index;
        SiloPort = siloPort;
        _process = process;
        _log = log;
    }

    public int Index { get; }

    public int SiloPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Gets the processor time the silo used so far (user and system), or at its kill.
    /// </summary>
    public TimeSpan ProcessorTime { get; private set; }

    /// <summary>
    /// Gets the command that runs this program: its apphost, or <c>dotnet</c> and its assembly.
    /// </summary>
    public static IReadOnlyList<string> CurrentProgram =>
        string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal)
            ? [Environment.ProcessPath!, typeof(SiloProcess).Assembly.Location]
            : [Environment.ProcessPath!];

    public static SiloProcess Start(int index, int siloPort, IReadOnlyList<string> program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var start = new ProcessStartInfo(program[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var part in program.Skip(1))
        {
            start.ArgumentList.Add(part);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new CollectorException($"Silo {index} did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(index, siloPort, process, log);
    }

    /// <summary>
    /// Gets whether a silo identity (<c>S127.0.0.1:port:generation</c>) is this silo's.
    /// </summary>
    public bool Owns(string? silo) =>
        silo is not null && silo.Contains(string.Create(CultureInfo.InvariantCulture, $":{SiloPort}:"), StringComparison.Ordinal);

    public void SampleProcessorTime()
    {
        if (!_process.HasExited)
        {
            _process.Refresh();
            ProcessorTime = _process.TotalProcessorTime;
        }
    }

    /// <summary>Kills the silo with SIGKILL: no shutdown, no last commit, like a machine that died.</summary>
    public void Kill()
    {
        SampleProcessorTime();
        _process.Kill(entireProcessTree: true);
    }

    /// <summary>Asks the silo to stop (SIGTERM): it commits, hands its sources over and leaves the cluster.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        SampleProcessorTime();
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream is not null)
            {
                log.WriteLine(line);
            }
        }
    }
}
