using System.Diagnostics;
using System.Globalization;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.DocSpace.Internal;

namespace AuditAggregator.Benchmarks.Sizes;

/// <summary>
/// <c>loop &lt;seconds&gt; floor|docspace|sessions|webhooks</c>: runs one page path in a loop, for a sampling profiler
/// (<c>dotnet-trace collect --profile dotnet-sampled-thread-time --duration 00:00:00:10 -- ... loop 16 docspace</c>,
/// then <c>dotnet-trace report trace.nettrace topN -n 40</c>), and prints the events per second it reached.
/// </summary>
internal static class ProfileLoop
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 2 || !double.TryParse(args[0], CultureInfo.InvariantCulture, out var seconds) || args[1] is not ("floor" or "docspace" or "sessions" or "webhooks"))
        {
            await Console.Error.WriteLineAsync("usage: loop <seconds> floor|docspace|sessions|webhooks");
            return 2;
        }

        var pages = CapturedPages.Current;
        var parser = new LoginPageParser();
        var events = 0L;
        var page = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            var body = pages.DocSpacePages[page++ % pages.DocSpacePages.Count];
            events += args[1] switch
            {
                "floor" => JsonFloor.CountTokens(body) > 0 ? CapturedPages.DocSpaceItems : 0,
                "docspace" => (await AdapterPath.DocSpaceAsync(body, parser)).Count,
                "sessions" => (await AdapterPath.SessionsAsync(pages.Sessions)).Count,
                _ => (await AdapterPath.WebhooksAsync(pages.Webhooks)).Count,
            };
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]}: {events / stopwatch.Elapsed.TotalSeconds:N0} events/s"));
        return 0;
    }
}
