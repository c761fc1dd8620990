namespace AuditAggregator.Checkpoints;

/// <summary>
/// Everything a collector commits in one atomic step: each source's progress, and the sink's own state.
/// </summary>
/// <param name="Sources">Each source's progress, by source name.</param>
/// <param name="SinkState">
/// Opaque state of the consumer's sink taken at the same moment (for example the length of an output file
/// after a flush, so that a restart can cut away what was written after the last commit), or <see langword="null"/>.
/// </param>
public sealed record FollowCheckpoint(IReadOnlyDictionary<string, SourceCheckpoint> Sources, string? SinkState)
{
    /// <summary>
    /// Gets a checkpoint of a collector that has not started.
    /// </summary>
    public static FollowCheckpoint Empty { get; } = new(new Dictionary<string, SourceCheckpoint>(), null);
}
