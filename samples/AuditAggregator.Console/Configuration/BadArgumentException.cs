namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// An argument, environment variable or named file is wrong. The message names it and says what is expected; it
/// never repeats a credential.
/// </summary>
internal sealed class BadArgumentException : Exception
{
    public BadArgumentException(string argument, string message)
        : base($"{argument}: {message}")
    {
        Argument = argument;
    }

    public BadArgumentException(string argument, string message, Exception innerException)
        : base($"{argument}: {message}", innerException)
    {
        Argument = argument;
    }

    /// <summary>Gets the argument at fault, for example <c>--from</c> or <c>DOCSPACE_URL</c>.</summary>
    public string Argument { get; }
}
