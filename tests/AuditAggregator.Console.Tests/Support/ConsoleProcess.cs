using System.Diagnostics;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>Runs the built console (<c>dotnet audit-aggregator.dll</c>) as a real process.</summary>
internal static class ConsoleProcess
{
    /// <summary>Gets the path of the console's own build output, next to this test project's configuration.</summary>
    public static string DllPath
    {
        get
        {
            var baseDirectory = AppContext.BaseDirectory;
            var root = new DirectoryInfo(baseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AuditAggregator.sln")))
            {
                root = root.Parent;
            }

            Assert.True(root is not null, $"no AuditAggregator.sln above {baseDirectory}");
            var configuration = new DirectoryInfo(baseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
            var path = Path.Combine(root.FullName, "samples", "AuditAggregator.Console", "bin", configuration, "net10.0", "audit-aggregator.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build samples/AuditAggregator.Console ({configuration}) first.");
            return path;
        }
    }

    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "DOCSPACE_URL", "DOCSPACE_TOKEN", "EXAVAULT_URL", "EXAVAULT_API_KEY", "EXAVAULT_ACCESS_TOKEN" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static async Task<ConsoleRun> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var process = Start(args, variables);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ConsoleRun(process.ExitCode, await stdout, await stderr);
    }
}
