using System.Globalization;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// The merge of several sources through <see cref="AuditFeed"/>: three sources of 20,000 mapped events each,
/// interleaved in time, read to the end. Measures the merge engine only (the events exist before the run).
/// </summary>
[EventsPerOperation(Sources * EventsPerSource)]
public class MergeBenchmarks
{
    private const int Sources = 3;
    private const int EventsPerSource = 20_000;
    private AuditFeed _feed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pages = CapturedPages.Current;
        var templates = AdapterPath.DocSpaceAsync(pages.DocSpace).AsTask().GetAwaiter().GetResult()
            .Concat(AdapterPath.SessionsAsync(pages.Sessions).AsTask().GetAwaiter().GetResult())
            .Concat(AdapterPath.WebhooksAsync(pages.Webhooks).AsTask().GetAwaiter().GetResult())
            .ToArray();
        var start = Instant.FromUtc(2026, 11, 20, 12, 0);
        var sources = new IAuditSource[Sources];
        for (var s = 0; s < Sources; s++)
        {
            var events = new AuditEvent[EventsPerSource];
            for (var i = 0; i < EventsPerSource; i++)
            {
                events[i] = templates[(i + (s * 7)) % templates.Length] with
                {
                    Source = "source" + s.ToString(CultureInfo.InvariantCulture),
                    SourceId = i.ToString(CultureInfo.InvariantCulture),
                    Time = start - Duration.FromSeconds((i * 3L) + s),
                };
            }

            sources[s] = new ArraySource("source" + s.ToString(CultureInfo.InvariantCulture), events, 100);
        }

        _feed = new AuditFeed(sources);
    }

    [Benchmark(Description = "AuditFeed merge of 3 sources")]
    public async Task<int> Merge()
    {
        var count = 0;
        await foreach (var item in _feed.ReadAsync(AuditQuery.All))
        {
            count++;
        }

        return count;
    }
}
