// The AuditAggregator collector: one Orleans silo per process, or a demo of a cluster that loses a machine.
//
//   audit-collector silo --sources-file sources.json --postgres "Host=...;Password=..." --redis 127.0.0.1:6379
//   audit-collector demo --silos 3 --accounts 1000 [--sources-file sources.json] [--dump events.jsonl]
using AuditAggregator.Collector;
using AuditAggregator.Collector.Configuration;
using AuditAggregator.Collector.Demo;
using AuditAggregator.Collector.Silo;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

if (CollectorUsage.AsksForHelp(args))
{
    Console.Out.Write(CollectorUsage.Text);
    Console.Out.WriteLine();
    return 0;
}

try
{
    // 1. The command and its options; a flag wins over its environment variable, as in the console. An option the
    //    command does not read is refused, so that a typo is not silently ignored.
    var arguments = CollectorArguments.Parse(args, new HashSet<string>(["--no-follow"], StringComparer.Ordinal), Environment.GetEnvironmentVariable);
    switch (arguments.Command)
    {
        // 2. One silo: it joins the cluster named in Redis, and the sources of its sources file are collected
        //    by grains that Orleans places on whichever silos are alive.
        case "silo":
            var silo = SiloSettings.From(arguments);
            arguments.RejectUnknown();
            await SiloCommand.RunAsync(silo, stop.Token);
            return 0;

        // 3. The demo: private PostgreSQL and Redis, several silo processes, many accounts, one silo killed.
        case "demo":
            var demo = DemoSettings.Read(arguments);
            arguments.RejectUnknown();
            return await DemoCommand.RunAsync(demo, Console.Out, stop.Token);
        default:
            throw new CollectorException($"Unknown command '{arguments.Command}': use `silo` or `demo`; `audit-collector --help` lists their options.");
    }
}
catch (CollectorException ex)
{
    Console.Error.WriteLine($"audit-collector: {ex.Message}");
    return 2;
}
catch (Exception ex) when (CollectorFailures.Unreachable(ex) is { } cause)
{
    // Redis, PostgreSQL or the cluster cannot be reached: say what and why, without a stack trace.
    Console.Error.WriteLine($"audit-collector: {cause.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
