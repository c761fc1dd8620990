using AuditAggregator.Benchmarks.Naive;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.Benchmarks.Reporting;
using AuditAggregator.DocSpace.Internal;
using BenchmarkDotNet.Attributes;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// Parse and map a full DocSpace login-history page (100 events): the adapter's path, the bare-reader floor and the
/// naive pipeline over the same bytes. Every row walks the same 20 distinct pages in turn, as a read does.
/// </summary>
/// <remarks>
/// "Adapter parse+map" keeps one parser for the whole run, as one read keeps one for all its pages (so repeated
/// names, addresses and user agents are shared across pages); "cold" builds a new parser per page, the cost of a read
/// that is one page long.
/// </remarks>
[EventsPerOperation(CapturedPages.DocSpaceItems)]
public class DocSpacePageBenchmarks
{
    private byte[][] _pages = [];
    private int _next;
    private LoginPageParser _parser = new();

    [GlobalSetup]
    public void Setup()
    {
        _pages = [.. CapturedPages.Current.DocSpacePages];
        _parser = new LoginPageParser();
    }

    [Benchmark(Baseline = true, Description = "Utf8JsonReader floor")]
    public int BareReader() => JsonFloor.CountTokens(NextPage());

    [Benchmark(Description = "Adapter parse+map")]
    public async Task<int> ParseAndMap() => (await AdapterPath.DocSpaceAsync(NextPage(), _parser)).Count;

    [Benchmark(Description = "Adapter parse+map, cold")]
    public async Task<int> ParseAndMapCold() => (await AdapterPath.DocSpaceAsync(NextPage(), new LoginPageParser())).Count;

    [Benchmark(Description = "Naive (string, reflection, LINQ)")]
    public int Naive() => NaivePipeline.DocSpace(NextPage()).Count;

    private byte[] NextPage() => _pages[_next++ % _pages.Length];
}
