using System.Globalization;
using AuditAggregator.Simulators;

namespace AuditAggregator.Benchmarks.EndToEnd;

/// <summary>
/// <c>e2e</c>: the console's export next to the transport floor, in one run. The simulators run in this process;
/// the console (a published build) and the raw <see cref="HttpClient"/> loop each run in a process of their own.
/// Then, with 50 ms of latency on every answer, the same console one page at a time against several in flight.
/// </summary>
/// <remarks>
/// Options: <c>--console PATH</c> (default the published console under <c>samples/AuditAggregator.Console/bin</c>,
/// see the README), <c>--events N</c> (events per source, default 100,000), <c>--latency-events N</c> (default 30,000),
/// <c>--part console|latency</c> (only one of the two halves; default both).
/// </remarks>
internal static class EndToEndCommand
{
    private const int DocSpacePage = 100;
    private const int ExaVaultPage = 1000;
    private const int LatencyExaVaultPage = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var part = Option(args, "--part");
        var console = Option(args, "--console") ?? DefaultConsole();
        if (!File.Exists(console))
        {
            Print($"e2e: no console at {console}; publish it first: dotnet publish -c Release -r linux-x64 samples/AuditAggregator.Console");
            return 1;
        }

        var events = Option(args, "--events") is { } e ? int.Parse(e, CultureInfo.InvariantCulture) : 100_000;
        var latencyEvents = Option(args, "--latency-events") is { } l ? int.Parse(l, CultureInfo.InvariantCulture) : 30_000;
        Print($"e2e machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; console {console}");

        var ok = true;
        if (part != "latency")
        {
            await using var world = await StartAsync(events, TimeSpan.Zero);
            ok &= await ConsoleVsRawAsync(console, world, "docspace");
            ok &= await ConsoleVsRawAsync(console, world, "exavault");
        }

        if (part != "console")
        {
            await using var slow = await StartAsync(latencyEvents, TimeSpan.FromMilliseconds(50));
            ok &= await SequentialVsConcurrentAsync(console, slow, "docspace");
            ok &= await SequentialVsConcurrentAsync(console, slow, "exavault");
        }

        return ok ? 0 : 1;
    }

    private static Task<SimulatorEnvironment> StartAsync(int eventsPerSource, TimeSpan latency) =>
        SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            TotalEventCount = checked(2 * eventsPerSource),

            // Two hours ago: the window then lies wholly in the past, as an export's does.
            Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds()),
            ConfigureDocSpace = o => (o.RequestLogCapacity, o.Latency) = (100, latency),
            ConfigureExaVault = o => (o.RequestLogCapacity, o.Latency, o.DailyAllowance) = (100, latency, 2_000_000),
        });

    private static async Task<bool> ConsoleVsRawAsync(string console, SimulatorEnvironment world, string vendor)
    {
        var docSpace = vendor == "docspace";
        var expected = docSpace ? world.DocSpace.Options.EventCount : world.ExaVault.Options.SessionEventCount + world.ExaVault.Options.WebhookEventCount;
        Func<int> requests = docSpace ? () => world.DocSpace.RequestCount : () => world.ExaVault.RequestCount;

        // The floor: the fewest pages that hold the events, each read and discarded (DocSpace: its login history, the
        // stream the console is asked for; the audit trail has pages of its own).
        string[] raw = docSpace
            ? ["Authorization", "Bearer " + DocSpaceCredential.DefaultApiKey, $"{world.DocSpace.BaseUri}api/2.0/security/audit/login/filter?count={DocSpacePage}&startIndex=", Pages(expected, DocSpacePage), $"{DocSpacePage}"]
            : ["ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey, ExaVaultSimulatorOptions.DefaultAccessToken,
                $"{world.ExaVault.ApiBaseUri.ToString().TrimEnd('/')}/activity/session?limit={ExaVaultPage}&sort=-date&offset=", Pages(world.ExaVault.Options.SessionEventCount, ExaVaultPage), $"{ExaVaultPage}",
                $"{world.ExaVault.ApiBaseUri.ToString().TrimEnd('/')}/activity/webhooks?limit={ExaVaultPage}&sort=-date&offset=", Pages(world.ExaVault.Options.WebhookEventCount, ExaVaultPage), $"{ExaVaultPage}"];
        var rawRun = await Self([RawFetch.Verb, .. raw]);
        var rawLine = Result(rawRun.Output, RawFetch.ResultPrefix);
        if (rawLine is null)
        {
            Print($"e2e {vendor}: the raw fetch failed: {rawRun.Output}");
            return false;
        }

        var rawSeconds = double.Parse(rawLine[0], CultureInfo.InvariantCulture);
        var rawRequests = int.Parse(rawLine[1], CultureInfo.InvariantCulture);

        var output = Path.Combine(Path.GetTempPath(), $"auditaggregator-e2e-{Environment.ProcessId}-{vendor}.jsonl");
        string[] credentials = docSpace
            ? ["--docspace-url", world.DocSpace.BaseUri.ToString(), "--docspace-token", DocSpaceCredential.DefaultApiKey, "--stream", "login"]
            : ["--exavault-url", world.ExaVault.BaseUri.ToString(), "--exavault-api-key", ExaVaultSimulatorOptions.DefaultApiKey, "--exavault-access-token", ExaVaultSimulatorOptions.DefaultAccessToken];
        var before = requests();
        var run = await ChildProcess.RunAsync(console, ["export", "--source", vendor, "--format", "jsonl", .. Window(world), "-o", output, .. credentials], () => requests() > before);
        var made = requests() - before;
        var lines = File.Exists(output) ? File.ReadLines(output).LongCount() : 0;
        File.Delete(output);
        if (run.ExitCode != 0 || lines != expected)
        {
            Print($"e2e {vendor}: the console export failed (exit {run.ExitCode}, {lines:N0} of {expected:N0} lines): {run.Output}");
            return false;
        }

        var rawRate = expected / rawSeconds;
        var consoleRate = expected / run.WallSeconds;
        var ratio = consoleRate / rawRate;
        var cpuPerEvent = run.CpuSeconds * 1e6 / expected;
        var label = $"e2e {vendor} {expected:N0} events";
        Print($"{label}: raw fetch floor {rawRate:N0} events/s ({rawRequests:N0} requests in {rawSeconds:N2} s, its own process, loop only)");
        Print($"{label}: console export {consoleRate:N0} events/s ({run.WallSeconds:N2} s from process start to exit, jsonl to a file)");
        Print($"{label}: console / raw {ratio:P0}{(docSpace ? $" (target >= 70%: {(ratio >= 0.7 ? "met" : "MISSED")})" : string.Empty)}");
        Print($"{label}: console CPU {cpuPerEvent:N1} us/event ({run.CpuSeconds:N2} s user+system, process start included){(docSpace ? $" (target <= 8: {(cpuPerEvent <= 8 ? "met" : "MISSED")})" : string.Empty)}");
        Print($"{label}: start-up to the first request {run.ProbeSeconds * 1000:N0} ms (target < 250: {(run.ProbeSeconds < 0.25 ? "met" : "MISSED")}); peak working set {run.PeakResidentBytes / 1048576.0:N1} MiB");
        Print($"{label}: requests {made:N0} (raw floor {rawRequests:N0})");
        return true;
    }

    private static async Task<bool> SequentialVsConcurrentAsync(string console, SimulatorEnvironment world, string vendor)
    {
        var docSpace = vendor == "docspace";
        var expected = docSpace
            ? world.DocSpace.Options.EventCount + world.DocSpace.Data.AuditEventsBetween(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count()
            : world.ExaVault.Options.SessionEventCount + world.ExaVault.Options.WebhookEventCount;
        Func<int> requestCount = docSpace ? () => world.DocSpace.RequestCount : () => world.ExaVault.RequestCount;
        var seconds = new double[2];
        var requests = new int[2];
        var cpu = new (double Console, double Simulators)[2];
        int?[] levels = [1, null];
        for (var i = 0; i < levels.Length; i++)
        {
            // The console as users run it, on a sources file: one page at a time for the source (its logs take turns), then the adapter's
            // default number of pages in flight (shared by the source's logs).
            var concurrency = levels[i] is { } level ? $", \"maxConcurrentRequests\": {level}" : string.Empty;
            var source = docSpace
                ? $"{{ \"name\": \"docspace\", \"vendor\": \"docspace\", \"url\": \"{world.DocSpace.BaseUri}\", \"token\": \"{DocSpaceCredential.DefaultApiKey}\"{concurrency} }}"
                : $"{{ \"name\": \"exavault\", \"vendor\": \"exavault\", \"url\": \"{world.ExaVault.BaseUri}\", \"apiKey\": \"{ExaVaultSimulatorOptions.DefaultApiKey}\", \"accessToken\": \"{ExaVaultSimulatorOptions.DefaultAccessToken}\", \"pageSize\": {LatencyExaVaultPage}{concurrency} }}";
            var file = Path.Combine(Path.GetTempPath(), $"auditaggregator-e2e-{Environment.ProcessId}-{vendor}-sources.json");
            var output = Path.ChangeExtension(file, ".jsonl");
            await File.WriteAllTextAsync(file, $"{{ \"sources\": [ {source} ] }}");
            var before = requestCount();
            var simulatorsBefore = Environment.CpuUsage.TotalTime;
            var run = await ChildProcess.RunAsync(console, ["export", "--sources-file", file, "--format", "jsonl", .. Window(world), "-o", output]);
            requests[i] = requestCount() - before;
            cpu[i] = (run.CpuSeconds, (Environment.CpuUsage.TotalTime - simulatorsBefore).TotalSeconds);
            var lines = File.Exists(output) ? File.ReadLines(output).LongCount() : 0;
            File.Delete(file);
            File.Delete(output);
            if (run.ExitCode != 0 || lines != expected)
            {
                Print($"e2e {vendor} at 50 ms: the console export failed (exit {run.ExitCode}, {lines:N0} of {expected:N0} lines): {run.Output}");
                return false;
            }

            seconds[i] = run.WallSeconds;
        }

        var speedup = seconds[0] / seconds[1];
        var page = docSpace ? DocSpacePage : LatencyExaVaultPage;
        var inFlight = docSpace ? DocSpace.DocSpaceOptions.DefaultMaxConcurrentRequests : ExaVault.ExaVaultOptions.DefaultMaxConcurrentRequests;
        Print($"e2e {vendor} at 50 ms latency, {expected:N0} events, {page} per page, console from process start to exit: one page at a time {seconds[0]:N2} s ({requests[0]} requests), the default {inFlight} in flight {seconds[1]:N2} s ({requests[1]} requests): {speedup:N1}x (target >= 5x: {(speedup >= 5 ? "met" : "MISSED")}); CPU s console/simulators {cpu[0].Console:N2}/{cpu[0].Simulators:N2} and {cpu[1].Console:N2}/{cpu[1].Simulators:N2}");
        return true;
    }

    private static string[] Window(SimulatorEnvironment world) =>
    [
        "--from", world.Now.AddDays(-400).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        "--to", world.Now.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    ];

    private static Task<ChildProcess> Self(string[] arguments)
    {
        var path = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? ChildProcess.RunAsync(path, [typeof(EndToEndCommand).Assembly.Location, .. arguments])
            : ChildProcess.RunAsync(path, arguments);
    }

    private static string Pages(long events, int size) => (events / size + 1).ToString(CultureInfo.InvariantCulture);

    private static string[]? Result(string output, string prefix) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim().Split(' ');

    private static string DefaultConsole()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AuditAggregator.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? ".", "samples", "AuditAggregator.Console", "bin", "Release", "net10.0", "linux-x64", "publish", "audit-aggregator");
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
}
