namespace AuditAggregator.ConsoleApp;

/// <summary>
/// The exit codes of the console, documented in the README and relied on by scripts.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed (a bug); the message says what, without a stack trace.</summary>
    public const int Unexpected = 1;

    /// <summary>An argument, an environment variable or a file named by an argument is wrong; the message names it.</summary>
    public const int BadArgument = 2;

    /// <summary>
    /// A source failed; the last lines name each failed source, the HTTP status and the vendor's error. The other
    /// sources were still read to the end, delivered and (with a checkpoint) committed.
    /// </summary>
    public const int SourceFailed = 3;

    /// <summary>An export was interrupted (Ctrl+C); what was taken is committed when a checkpoint is used.</summary>
    public const int Interrupted = 130;
}
