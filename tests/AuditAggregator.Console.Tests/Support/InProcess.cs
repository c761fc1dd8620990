using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>Runs the console in this process through <see cref="ConsoleApp.RunAsync(string[], TextWriter, TextWriter, ConsoleEnvironment, CancellationToken)"/>.</summary>
internal static class InProcess
{
    /// <summary>The fixed "now" of in-process simulated runs.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static async Task<ConsoleRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? variables = null, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var environment = new ConsoleEnvironment
        {
            Clock = new FakeTimeProvider(Now),
            Variables = variables ?? new Dictionary<string, string>(),
        };
        var exit = await ConsoleApp.RunAsync(args, stdout, stderr, environment, cancellationToken);
        return new ConsoleRun(exit, stdout.ToString(), stderr.ToString());
    }
}
