using System.Diagnostics;
using System.Globalization;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using AuditAggregator.Simulators;

namespace AuditAggregator.Benchmarks.EndToEnd;

/// <summary>
/// <c>e2e-sizes</c>: for each size, starts both simulators in this process with that many events per source, runs the
/// export in a child process (so that its peak working set is its own), and prints one line per figure.
/// </summary>
/// <remarks>
/// Options: <c>--sizes 10000,100000,1000000</c> (events per source; the smallest is the working-set baseline) and
/// <c>--exavault-page-size N</c> (default <see cref="DefaultExaVaultPageSize"/>), and <c>--sources docspace</c> or
/// <c>--sources exavault</c> to export one source alone when profiling.
/// </remarks>
internal static class SizesCommand
{
    public const string ChildVerb = "e2e-child";
    /// <summary>
    /// The ExaVault page size of the runs, kept from when the adapter held itself to 10 requests a second (a million
    /// entries at 1,000 a page then took 100 seconds of waiting alone, at 2,500 forty); it still fills whole pages in the 10,000-event baseline (7,200 sessions, 2,800 webhooks), so the working-set
    /// comparison is of like with like. Larger pages hold more events at once (measured: 10,000 raised the peak to 2.5x).
    /// </summary>
    public const int DefaultExaVaultPageSize = 2500;
    private static readonly int[] DefaultSizes = [10_000, 100_000, 1_000_000];

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes") is { } list
            ? [.. list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : DefaultSizes;
        var pageSize = Option(args, "--exavault-page-size") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : DefaultExaVaultPageSize;
        var sources = Option(args, "--sources") ?? "all";
        var total = Stopwatch.StartNew();
        Print($"e2e machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; DocSpace page {DocSpaceOptions.MaxPageSize}, ExaVault page {pageSize}");
        var peaks = new Dictionary<int, long>();
        foreach (var size in sizes)
        {
            var result = await RunOneAsync(size, pageSize, sources);
            if (result is null)
            {
                return 1;
            }

            peaks[size] = result.PeakWorkingSet;
        }

        var smallest = sizes.Min();
        var largest = sizes.Max();
        if (smallest != largest)
        {
            var ratio = (double)peaks[largest] / peaks[smallest];
            Print($"e2e peak working set {largest:N0} vs {smallest:N0} per source: {ratio:N2}x (target <= 1.5x: {(ratio <= 1.5 ? "met" : "MISSED")})");
        }

        Print($"e2e total wall time: {total.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    private static async Task<ExportResult?> RunOneAsync(int size, int pageSize, string sources)
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            TotalEventCount = checked(2 * size),
            Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
            Span = TimeSpan.FromDays(180),
            ConfigureDocSpace = o => o.RequestLogCapacity = 100,
            ConfigureExaVault = o =>
            {
                o.RequestLogCapacity = 100;
                o.DailyAllowance = 2_000_000;
            },
        });
        var sessions = world.ExaVault.Options.SessionEventCount;
        var webhooks = world.ExaVault.Options.WebhookEventCount;

        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SizesCommand).Assembly.Location);
        }

        start.ArgumentList.Add(ChildVerb);
        start.ArgumentList.Add(world.DocSpace.BaseUri.ToString());
        start.ArgumentList.Add(world.ExaVault.BaseUri.ToString());
        start.ArgumentList.Add(pageSize.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(sources);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(EndToEndExport.ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            Print($"e2e {size:N0}/source: the export failed (exit {child.ExitCode}): {output}");
            return null;
        }

        var parts = line[EndToEndExport.ResultPrefix.Length..].Trim().Split(' ');
        var result = new ExportResult(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            long.Parse(parts[4], CultureInfo.InvariantCulture),
            parts[5] + "/" + parts[6] + "/" + parts[7]);

        var label = $"e2e {size:N0}/source";
        var events = result.DocSpaceEvents + result.ExaVaultEvents;
        var complete = sources != "all" || (result.DocSpaceEvents == size && result.ExaVaultEvents == sessions + webhooks);
        Print($"{label}: {events / result.Seconds:N0} events/s ({events:N0} events in {result.Seconds:N2} s{(complete ? string.Empty : $"; INCOMPLETE: docspace {result.DocSpaceEvents:N0}, exavault {result.ExaVaultEvents:N0}")})");
        Print($"{label}: peak working set {result.PeakWorkingSet / 1048576.0:N1} MiB (managed heap peak, sampled: {result.HeapPeak / 1048576.0:N1} MiB; GCs gen0/1/2: {result.Collections})");
        if (sources is "all" or DocSpaceSourceNames.Source)
        {
            Requests(label, "docspace login", world.DocSpace.RequestCount, size, DocSpaceOptions.MaxPageSize, DocSpaceOptions.DefaultMaxConcurrentRequests);
        }

        if (sources is "all" or ExaVaultSourceNames.Source)
        {
            Requests(label, "exavault session", world.ExaVault.Requests.CountFor(world.ExaVault.SessionPath), sessions, pageSize, ExaVaultOptions.DefaultMaxConcurrentRequests);
            Requests(label, "exavault webhook", world.ExaVault.Requests.CountFor(world.ExaVault.WebhooksPath), webhooks, pageSize, ExaVaultOptions.DefaultMaxConcurrentRequests);
        }
        return result;
    }

    /// <summary>
    /// The requests a log's read may make: with pages in flight, pages overlap by one event (the walk cannot know the
    /// list will not shift, as the query is open-ended), and up to the concurrency's pages past the end are fetched
    /// before the short page is seen.
    /// </summary>
    private static void Requests(string label, string log, int made, long events, int pageSize, int inFlight)
    {
        var least = Pages(events, pageSize);
        var most = Pages(events, pageSize - 1) + inFlight;
        var met = made >= least && made <= most;
        Print($"{label}: {log} requests {made:N0}; the pages alone ceil({events:N0}/{pageSize:N0}) = {least:N0}, allowed up to {most:N0} (one-event overlap and {inFlight} in flight): {(met ? "met" : "MISSED")}");
    }

    private static long Pages(long events, int pageSize) => (events + pageSize - 1) / pageSize;

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));

    private sealed record ExportResult(long DocSpaceEvents, long ExaVaultEvents, double Seconds, long PeakWorkingSet, long HeapPeak, string Collections);
}
