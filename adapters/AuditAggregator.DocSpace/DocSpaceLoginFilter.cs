namespace AuditAggregator.DocSpace;

/// <summary>
/// The query of <c>GET /api/2.0/security/audit/login/filter</c>; a property left <see langword="null"/> is not sent.
/// </summary>
/// <remarks>
/// The server takes the window <c>[StartIndex, StartIndex + Count)</c> of the unfiltered newest-first log and only
/// then applies <see cref="UserId"/>, <see cref="Action"/>, <see cref="From"/> and <see cref="To"/>, so a filtered
/// page can be short or empty while older matches exist. <see cref="DocSpaceAuditSource"/> therefore sends none of
/// the filters and filters on the client.
/// </remarks>
public sealed record DocSpaceLoginFilter
{
    /// <summary>Gets the user whose events are kept, sent as <c>userId</c>.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Gets the action kept, sent by number as <c>action</c>.</summary>
    public DocSpaceLoginAction? Action { get; init; }

    /// <summary>Gets the earliest time, sent as <c>from</c> in UTC with <c>Z</c>, whatever offset it carries here.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest time, sent as <c>to</c> in UTC with <c>Z</c>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the page size, 1 to 100, sent as <c>count</c>; the server's default is 100.</summary>
    public int? Count { get; init; }

    /// <summary>Gets the number of events skipped from the newest end, sent as <c>startIndex</c>.</summary>
    public int? StartIndex { get; init; }

    /// <summary>Gets the item properties to return, sent as the query parameter <c>fields</c> (comma-separated).</summary>
    public IReadOnlyList<string>? Fields { get; init; }
}
