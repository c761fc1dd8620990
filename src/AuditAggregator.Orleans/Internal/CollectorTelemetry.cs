using System.Diagnostics.Metrics;
using AuditAggregator.Telemetry;

namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// The collector's instruments, on a meter named like the core's (<see cref="AuditTelemetry.Name"/>), each tagged
/// with <c>source</c>: <c>auditaggregator.collector.jobs</c> (also <c>kind</c> and <c>outcome</c>),
/// <c>auditaggregator.collector.stored</c>, <c>auditaggregator.collector.repeated</c> and
/// <c>auditaggregator.collector.lag</c> (seconds); <c>auditaggregator.collector.running</c> counts running jobs.
/// </summary>
internal sealed class CollectorTelemetry : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _jobs;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _repeated;
    private readonly Histogram<double> _lag;
    private readonly UpDownCounter<long> _running;

    public CollectorTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(AuditTelemetry.Name) ?? new Meter(AuditTelemetry.Name);
        _jobs = _meter.CreateCounter<long>("auditaggregator.collector.jobs", description: "Backfill and follow windows run by collector grains.");
        _stored = _meter.CreateCounter<long>("auditaggregator.collector.stored", description: "Events committed as new rows with their checkpoint.");
        _repeated = _meter.CreateCounter<long>("auditaggregator.collector.repeated", description: "Events committed that were stored already.");
        _lag = _meter.CreateHistogram<double>("auditaggregator.collector.lag", unit: "s", description: "How far a source's follow watermark is behind now after a run.");
        _running = _meter.CreateUpDownCounter<long>("auditaggregator.collector.running", description: "Jobs running on this silo.");
    }

    public void JobStarted() => _running.Add(1);

    public void JobEnded(string source, string kind, JobResult result)
    {
        _running.Add(-1);
        var sourceTag = new KeyValuePair<string, object?>("source", source);
        _jobs.Add(1, sourceTag, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        if (result.Stored > 0)
        {
            _stored.Add(result.Stored, sourceTag);
        }

        if (result.Repeated > 0)
        {
            _repeated.Add(result.Repeated, sourceTag);
        }

        if (result.Lag is { } lag)
        {
            _lag.Record(lag.TotalSeconds, sourceTag);
        }
    }

    public void Dispose() => _meter.Dispose();
}
