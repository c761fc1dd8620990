namespace AuditAggregator;

/// <summary>
/// A checkpoint could not be loaded or saved: the file is corrupt, belongs to another program or version, or
/// does not match the read it is asked to resume. Never answered by silently starting again from zero.
/// </summary>
public sealed class AuditCheckpointException : AuditException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="AuditCheckpointException"/> class.
    /// </summary>
    /// <param name="location">Where the checkpoint is kept, for example a file path.</param>
    /// <param name="description">What is wrong and what to do about it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AuditCheckpointException(string location, string description, Exception? innerException = null)
        : base($"Checkpoint {location}: {description}", innerException)
    {
        Location = location;
    }

    /// <summary>
    /// Gets where the checkpoint is kept.
    /// </summary>
    public string Location { get; }
}
