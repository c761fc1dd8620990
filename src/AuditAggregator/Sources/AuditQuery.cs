using NodaTime;

namespace AuditAggregator;

/// <summary>
/// What to read: a time window and optional filters on sources, streams, actors, actions and outcome.
/// </summary>
/// <remarks>
/// The window is half-open: <see cref="From"/> is included and <see cref="To"/> is not, so consecutive windows
/// neither overlap nor leave a gap. A filter that is <see langword="null"/> or empty lets everything through.
/// </remarks>
public sealed record AuditQuery
{
    /// <summary>
    /// Gets a query that matches every event.
    /// </summary>
    public static AuditQuery All { get; } = new();

    /// <summary>
    /// Gets the start of the window, included; <see langword="null"/> for no lower bound.
    /// </summary>
    public Instant? From { get; init; }

    /// <summary>
    /// Gets the end of the window, excluded; <see langword="null"/> for no upper bound.
    /// </summary>
    public Instant? To { get; init; }

    /// <summary>
    /// Gets the source names to read (for example <c>docspace</c>), or <see langword="null"/> for all.
    /// </summary>
    public IReadOnlyCollection<string>? Sources { get; init; }

    /// <summary>
    /// Gets the streams to read (for example <c>login</c>), or <see langword="null"/> for all.
    /// </summary>
    public IReadOnlyCollection<string>? Streams { get; init; }

    /// <summary>
    /// Gets the actors to keep, each compared with the actor's id, name and login ignoring case, or <see langword="null"/> for all.
    /// </summary>
    public IReadOnlyCollection<string>? Actors { get; init; }

    /// <summary>
    /// Gets the normalized actions to keep (see <see cref="AuditActions"/>), or <see langword="null"/> for all.
    /// </summary>
    public IReadOnlyCollection<string>? Actions { get; init; }

    /// <summary>
    /// Gets the outcome to keep, or <see langword="null"/> for all.
    /// </summary>
    public AuditOutcome? Outcome { get; init; }

    /// <summary>
    /// Creates a query for the window <c>[from, to)</c>.
    /// </summary>
    /// <param name="from">The start, included.</param>
    /// <param name="to">The end, excluded.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static AuditQuery Between(Instant from, Instant to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to}) before it starts ({from}).", nameof(to));
        }

        return new AuditQuery { From = from, To = to };
    }

    /// <summary>
    /// Determines whether <paramref name="time"/> lies in the window.
    /// </summary>
    /// <param name="time">The instant.</param>
    /// <returns><see langword="true"/> when <c>From &lt;= time &lt; To</c>.</returns>
    public bool ContainsTime(Instant time) => (From is null || time >= From) && (To is null || time < To);

    /// <summary>
    /// Determines whether this query reads <paramref name="source"/>.
    /// </summary>
    /// <param name="source">A source name.</param>
    /// <returns><see langword="true"/> when the source filter is empty or names it.</returns>
    public bool IncludesSource(string source) => IsEmptyOrContains(Sources, source);

    /// <summary>
    /// Determines whether this query reads <paramref name="stream"/>.
    /// </summary>
    /// <param name="stream">A stream name.</param>
    /// <returns><see langword="true"/> when the stream filter is empty or names it.</returns>
    public bool IncludesStream(string stream) => IsEmptyOrContains(Streams, stream);

    /// <summary>
    /// Determines whether <paramref name="auditEvent"/> passes every filter of this query, the window included.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <returns><see langword="true"/> when the event matches.</returns>
    public bool Matches(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return ContainsTime(auditEvent.Time)
            && (Outcome is null || auditEvent.Outcome == Outcome)
            && IncludesSource(auditEvent.Source)
            && IncludesStream(auditEvent.Stream)
            && IsEmptyOrContains(Actions, auditEvent.Action)
            && MatchesActor(auditEvent.Actor);
    }

    private bool MatchesActor(AuditActor actor)
    {
        if (Actors is null || Actors.Count == 0)
        {
            return true;
        }

        foreach (var wanted in Actors)
        {
            if (actor.Matches(wanted))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEmptyOrContains(IReadOnlyCollection<string>? filter, string value)
    {
        if (filter is null || filter.Count == 0)
        {
            return true;
        }

        foreach (var item in filter)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
