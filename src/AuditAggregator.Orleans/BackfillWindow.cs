namespace AuditAggregator.Orleans;

/// <summary>
/// A window of history to collect once for one source: <c>[From, To)</c>, to the millisecond.
/// </summary>
/// <remarks>
/// Both ends are cut to whole milliseconds (UTC) when the window is created, since the request is kept as a reminder
/// whose name holds them in milliseconds: the window read after a failover is then the one that was asked for.
/// </remarks>
/// <param name="From">The start, included.</param>
/// <param name="To">The end, excluded.</param>
[GenerateSerializer]
[Immutable]
public sealed record BackfillWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Gets the start, included, to the millisecond.</summary>
    [Id(0)]
    public DateTimeOffset From { get; init; } = DateTimeOffset.FromUnixTimeMilliseconds(From.ToUnixTimeMilliseconds());

    /// <summary>Gets the end, excluded, to the millisecond.</summary>
    [Id(1)]
    public DateTimeOffset To { get; init; } = DateTimeOffset.FromUnixTimeMilliseconds(To.ToUnixTimeMilliseconds());

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
