using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuditAggregator.Benchmarks.Reporting;

/// <summary>
/// A short job, run in process: the simulators capture the pages once, nothing is rebuilt per benchmark, and the
/// whole suite fits in a few minutes on the shared 2-core machine.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, new EventsColumn(EventsColumn.Kind.PerSecond), new EventsColumn(EventsColumn.Kind.BytesPerEvent))
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
}
