namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// The data could not be written where it goes (stdout or the <c>--output</c> file): the disk is full, or the device
/// refuses it. The message names the target and the system's reason.
/// </summary>
internal sealed class OutputWriteException : Exception
{
    public OutputWriteException(string target, IOException innerException)
        : base($"{target}: cannot write: {innerException?.Message}", innerException)
    {
        Target = target;
    }

    /// <summary>Gets where the data was going: <c>stdout</c> or <c>--output '...'</c>.</summary>
    public string Target { get; }
}
