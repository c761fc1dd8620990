namespace AuditAggregator.Orleans;

/// <summary>
/// A window of history to collect once for one source: <c>[From, To)</c>.
/// </summary>
/// <param name="From">The start, included.</param>
/// <param name="To">The end, excluded.</param>
[GenerateSerializer]
[Immutable]
public sealed record BackfillWindow([property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset To)
{
    /// <summary>
    /// Throws when the window ends before it starts.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="To"/> is before <see cref="From"/>.</exception>
    public void Validate()
    {
        if (To < From)
        {
            throw new ArgumentException($"The backfill window ends ({To:O}) before it starts ({From:O}).", nameof(To));
        }
    }

    /// <summary>
    /// Gets the name of the checkpoint that keeps this window's progress for <paramref name="source"/>, apart from
    /// the source's follow checkpoint, so that a backfill of old history never moves the follow watermark back.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <returns>The checkpoint name, for example <c>backfill:docspace-1:1700000000000:1700086400000</c>.</returns>
    public string CheckpointName(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return $"backfill:{source}:{From.ToUnixTimeMilliseconds()}:{To.ToUnixTimeMilliseconds()}";
    }
}
