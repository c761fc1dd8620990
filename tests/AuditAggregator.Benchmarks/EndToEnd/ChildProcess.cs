using System.Diagnostics;
using System.Globalization;

namespace AuditAggregator.Benchmarks.EndToEnd;

/// <summary>
/// Runs one child process and measures it from outside: wall time from the start to the exit, CPU time (user and
/// system, read from this process's <c>cutime</c>/<c>cstime</c> once the child is reaped, so process start, JIT and
/// shutdown are all counted), peak resident set (<c>VmHWM</c>, sampled), and the time until a given probe first
/// reports true (the first request a simulator saw).
/// </summary>
internal sealed record ChildProcess(double WallSeconds, double CpuSeconds, long PeakResidentBytes, double? ProbeSeconds, int ExitCode, string Output)
{
    private const double ClockTicksPerSecond = 100;

    public static async Task<ChildProcess> RunAsync(string fileName, IEnumerable<string> arguments, Func<bool>? probe = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildrenCpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        double? probeSeconds = null;
        long peak = 0;
        var exited = process.WaitForExitAsync();
        while (!exited.IsCompleted)
        {
            if (probeSeconds is null && probe is not null && probe())
            {
                probeSeconds = stopwatch.Elapsed.TotalSeconds;
            }

            peak = Math.Max(peak, PeakResident(process.Id));
            if (probeSeconds is null && probe is not null)
            {
                Thread.Yield();
            }
            else
            {
                await Task.WhenAny(exited, Task.Delay(5));
            }
        }

        await exited;
        var wall = stopwatch.Elapsed.TotalSeconds;
        return new ChildProcess(wall, ChildrenCpuSeconds() - cpuBefore, peak, probeSeconds, process.ExitCode, await output + await errors);
    }

    private static double ChildrenCpuSeconds()
    {
        // Fields after the command name: state is 3, utime 14, stime 15, cutime 16, cstime 17.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
