namespace AuditAggregator.Checkpoints;

/// <summary>
/// Keeps a collector's <see cref="FollowCheckpoint"/> across restarts.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>
    /// Loads the last committed checkpoint.
    /// </summary>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>The checkpoint, or <see langword="null"/> when nothing was committed yet.</returns>
    /// <exception cref="AuditCheckpointException">The stored checkpoint is corrupt or belongs to something else.</exception>
    ValueTask<FollowCheckpoint?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored checkpoint atomically: after a crash, either the old or the new one is loaded.
    /// </summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="cancellationToken">Stops the commit (before it starts).</param>
    /// <returns>A task that completes when the commit is durable.</returns>
    ValueTask CommitAsync(FollowCheckpoint checkpoint, CancellationToken cancellationToken = default);
}
