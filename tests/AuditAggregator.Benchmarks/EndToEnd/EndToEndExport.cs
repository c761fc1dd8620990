using System.Diagnostics;
using System.Globalization;
using AuditAggregator.ExaVault;
using AuditAggregator.Simulators;
using Microsoft.Extensions.DependencyInjection;
using SimulatedDocSpaceCredential = AuditAggregator.Simulators.DocSpaceCredential;

namespace AuditAggregator.Benchmarks.EndToEnd;

/// <summary>
/// The child process of one end-to-end run: exports the merged feed of both simulators through the adapters as
/// registered for production (<c>AddDocSpaceAuditSource</c>, <c>AddExaVaultAuditSource</c>), writing JSON Lines to a
/// null stream, and prints one result line with its own peak working set.
/// </summary>
internal static class EndToEndExport
{
    public const string ResultPrefix = "RESULT ";

    // Arguments: docSpaceBaseUri exaVaultBaseUri exaVaultPageSize [sources|all] [pages in flight, 0 or absent for each adapter's default]
    public static async Task<int> RunAsync(string[] args)
    {
        var docSpace = new Uri(args[0]);
        var exaVault = new Uri(args[1]);
        var exaVaultPageSize = int.Parse(args[2], CultureInfo.InvariantCulture);
        // DocSpace's login history (the pages the parent counts) and both ExaVault logs.
        var logs = AuditQuery.All with { Streams = [AuditAggregator.DocSpace.DocSpaceSourceNames.LoginStream, ExaVaultSourceNames.SessionStream, ExaVaultSourceNames.WebhookStream] };
        var query = args.Length > 3 && args[3] != "all" ? logs with { Sources = args[3].Split(',') } : logs;
        int? concurrency = args.Length > 4 && args[4] != "0" ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;

        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource(o =>
        {
            o.BaseUrl = docSpace;
            o.ApiKey = SimulatedDocSpaceCredential.DefaultApiKey;
            o.MaxPages = 100_000;
            o.Resilience.MaxConcurrentRequests = concurrency ?? o.Resilience.MaxConcurrentRequests;
        });
        services.AddExaVaultAuditSource(o =>
        {
            o.AccountUrl = exaVault;
            o.ApiKey = ExaVaultSimulatorOptions.DefaultApiKey;
            o.AccessToken = ExaVaultSimulatorOptions.DefaultAccessToken;
            o.PageSize = exaVaultPageSize;
            o.MaxPages = 100_000;
            o.Resilience.MaxConcurrentRequests = concurrency ?? o.Resilience.MaxConcurrentRequests;
        });

        await using var provider = services.BuildServiceProvider();
        var feed = new AuditFeed(provider.GetServices<IAuditSource>());
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long written = 0;
        long heapPeak = 0;
        var stopwatch = Stopwatch.StartNew();
        await using (var output = new BufferedStream(Stream.Null, 1 << 16))
        {
            await foreach (var item in feed.ReadAsync(query))
            {
                AuditEventJson.WriteLine(output, item);
                counts[item.Source] = counts.GetValueOrDefault(item.Source) + 1;
                if (++written % 8192 == 0)
                {
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
                }
            }
        }

        stopwatch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{ResultPrefix}{counts.GetValueOrDefault(AuditAggregator.DocSpace.DocSpaceSourceNames.Source)} {counts.GetValueOrDefault(ExaVaultSourceNames.Source)} {stopwatch.Elapsed.TotalSeconds:F3} {self.PeakWorkingSet64} {heapPeak} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)}"));
        return 0;
    }
}
