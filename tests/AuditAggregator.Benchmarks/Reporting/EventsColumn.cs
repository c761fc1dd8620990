using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AuditAggregator.Benchmarks.Reporting;

/// <summary>
/// Events per second and allocated bytes per event, from the mean and the memory diagnoser's bytes per operation.
/// </summary>
internal sealed class EventsColumn(EventsColumn.Kind kind) : IColumn
{
    public enum Kind
    {
        PerSecond,
        BytesPerEvent,
    }

    public string Id => "AuditAggregator." + kind;

    public string ColumnName => kind == Kind.PerSecond ? "Events/s" : "B/event";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => kind == Kind.PerSecond
        ? "Audit events handled per second (events per operation / mean)"
        : "Bytes allocated per audit event (allocated per operation / events per operation)";

    public static int EventsPerOperation(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type.GetCustomAttribute<EventsPerOperationAttribute>()?.Count ?? 0;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var events = EventsPerOperation(benchmarkCase);
        var report = summary[benchmarkCase];
        if (events == 0 || report?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        return kind == Kind.PerSecond
            ? (events / (statistics.Mean / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
            : report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } bytes
                ? ((double)bytes / events).ToString("N0", CultureInfo.InvariantCulture)
                : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
