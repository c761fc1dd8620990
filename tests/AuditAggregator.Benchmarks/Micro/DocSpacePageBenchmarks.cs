using AuditAggregator.Benchmarks.Naive;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// Parse and map a full DocSpace login-history page (100 events): the adapter's path, the bare-reader floor and the naive pipeline over the same bytes.
/// </summary>
[EventsPerOperation(CapturedPages.DocSpaceItems)]
public class DocSpacePageBenchmarks
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup() => _body = CapturedPages.Current.DocSpace;

    [Benchmark(Baseline = true, Description = "Utf8JsonReader floor")]
    public int BareReader() => JsonFloor.CountTokens(_body);

    [Benchmark(Description = "Adapter parse+map")]
    public async Task<int> ParseAndMap() => (await AdapterPath.DocSpaceAsync(_body)).Count;

    [Benchmark(Description = "Naive (string, reflection, LINQ)")]
    public int Naive() => NaivePipeline.DocSpace(_body).Count;
}
