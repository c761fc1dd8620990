using AuditAggregator.Benchmarks.EndToEnd;
using AuditAggregator.Benchmarks.PostgreSql;
using AuditAggregator.Benchmarks.Reporting;
using AuditAggregator.Benchmarks.Sizes;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- e2e        the console's export beside the raw fetch floor; 50 ms latency, sequential vs concurrent
// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- e2e-sizes  peak working set against the size of the export
// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- sizes      retained size of the AuditEvents
// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- profile    parse-and-map next to its floor, the old DTO path and naive
// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- postgres   PostgreSQL batch writers, events/s (needs initdb)
// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- loop 16 docspace   one page path in a loop, for dotnet-trace
// dotnet run -c Release --project tests/AuditAggregator.Benchmarks -- --filter '*'   the BenchmarkDotNet suite + targets
switch (args.FirstOrDefault())
{
    case "e2e":
        return await EndToEndCommand.RunAsync(args[1..]);
    case "e2e-sizes":
        return await SizesCommand.RunAsync(args[1..]);
    case RawFetch.Verb:
        return await RawFetch.RunAsync(args[1..]);
    case SizesCommand.ChildVerb:
        return await EndToEndExport.RunAsync(args[1..]);
    case "sizes":
        foreach (var line in EventSize.Describe())
        {
            Console.WriteLine(line);
        }

        return 0;
    case "postgres":
        return await PostgreSqlWriteCommand.RunAsync(args[1..]);
    case "loop":
        return await ProfileLoop.RunAsync(args[1..]);
    case "profile":
        foreach (var line in PhaseProfile.Describe())
        {
            Console.WriteLine(line);
        }

        return 0;
    default:
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(EndToEndCommand).Assembly).Run(args, BenchmarkConfig.Create());
        TargetReport.Print(summaries);
        return 0;
}
