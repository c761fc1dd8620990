using AuditAggregator.Benchmarks.Naive;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// Parse and map a full ExaVault webhook-log page (1,000 entries, v1 and v2 details): the adapter's path, the bare-reader floor and the naive pipeline over the same bytes.
/// </summary>
[EventsPerOperation(CapturedPages.ExaVaultItems)]
public class ExaVaultWebhookPageBenchmarks
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup() => _body = CapturedPages.Current.Webhooks;

    [Benchmark(Baseline = true, Description = "Utf8JsonReader floor")]
    public int BareReader() => JsonFloor.CountTokens(_body);

    [Benchmark(Description = "Adapter parse+map")]
    public async Task<int> ParseAndMap() => (await AdapterPath.WebhooksAsync(_body)).Count;

    [Benchmark(Description = "Naive (string, reflection, LINQ)")]
    public int Naive() => NaivePipeline.Webhooks(_body).Count;
}
