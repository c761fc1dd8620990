namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>The result of one console run: exit code, stdout and stderr.</summary>
internal sealed record ConsoleRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stderr ---\n{Stderr}\n--- stdout (first 2000 chars) ---\n{Stdout[..Math.Min(2000, Stdout.Length)]}";
}
