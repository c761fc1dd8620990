namespace AuditAggregator.Checkpoints;

/// <summary>
/// A checkpoint store in memory: for tests, and for collectors that need no restart.
/// </summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private FollowCheckpoint? _checkpoint;

    /// <summary>
    /// Gets how many commits were made.
    /// </summary>
    public int Commits { get; private set; }

    /// <summary>
    /// Gets the last committed checkpoint, or <see langword="null"/>.
    /// </summary>
    public FollowCheckpoint? Current => Volatile.Read(ref _checkpoint);

    /// <inheritdoc/>
    public ValueTask<FollowCheckpoint?> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Current);

    /// <inheritdoc/>
    public ValueTask CommitAsync(FollowCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        cancellationToken.ThrowIfCancellationRequested();
        Volatile.Write(ref _checkpoint, checkpoint);
        Commits++;
        return ValueTask.CompletedTask;
    }
}
