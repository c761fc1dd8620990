// The AuditAggregator console: one merged, newest-first audit feed from ONLYOFFICE DocSpace and ExaVault, and a
// comparison of the two. Run it with no arguments and it starts both simulators in-process, so it works on any
// machine without an account; give it URLs and credentials (flags or DOCSPACE_* / EXAVAULT_* variables) and it reads
// the real services, or a sources file (--sources-file) and it reads any number of accounts of either vendor.
// Everything that can be tested lives in ConsoleApp.RunAsync; this file only wires the process.
using System.Runtime.InteropServices;
using System.Text;
using AuditAggregator.ConsoleApp;
using AuditAggregator.ConsoleApp.Output;

// 1. Ctrl+C and SIGTERM cancel a token instead of killing the process. The read then stops between two events:
//    `follow` and `export --checkpoint` commit what was taken, and the output file is flushed before exit.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

// 2. stdout carries data only (a table, JSON Lines, CSV, OCSF, ECS), through a large buffer because an export can
//    be millions of lines; stderr carries the notes, the progress line and errors, so `> file` captures pure data.
//    A write that fails there (a full disk, a pipe whose reader has gone) is reported naming stdout, with exit 2.
await using var stdout = new StreamWriter(new OutputStream(StandardOutput.Open(), "stdout"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);

// 3. What the console needs to know about its surroundings: progress lines only when stderr is a terminal, colours
//    and the terminal's width only when stdout is one; the environment variables that point at real services.
var environment = new ConsoleEnvironment
{
    StdoutIsTerminal = !Console.IsOutputRedirected,
    StderrIsTerminal = !Console.IsErrorRedirected,
    Width = !Console.IsOutputRedirected && Console.WindowWidth > 40 ? Console.WindowWidth
        : int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 40 ? columns : 160,
    Variables = Environment.GetEnvironmentVariables()
        .Cast<System.Collections.DictionaryEntry>()
        .Where(entry => entry.Key is string && entry.Value is string)
        .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal),
};

// 4. Run: parse, pick the sources, run the command, and map every failure to an exit code with one message
//    (0 success, 2 bad argument, 3 a source failed, 130 interrupted).
return await ConsoleApp.RunAsync(args, stdout, Console.Error, environment, stop.Token);
