using AuditAggregator.Benchmarks.Naive;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// Parse and map a full ExaVault session-activity page (1,000 entries): the adapter's path, the bare-reader floor and the naive pipeline over the same bytes.
/// </summary>
[EventsPerOperation(CapturedPages.ExaVaultItems)]
public class ExaVaultSessionPageBenchmarks
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup() => _body = CapturedPages.Current.Sessions;

    [Benchmark(Baseline = true, Description = "Utf8JsonReader floor")]
    public int BareReader() => JsonFloor.CountTokens(_body);

    [Benchmark(Description = "Adapter parse+map")]
    public async Task<int> ParseAndMap() => (await AdapterPath.SessionsAsync(_body)).Count;

    [Benchmark(Description = "Naive (string, reflection, LINQ)")]
    public int Naive() => NaivePipeline.Sessions(_body).Count;
}
