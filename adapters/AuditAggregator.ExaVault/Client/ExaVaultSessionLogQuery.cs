using AuditAggregator.ExaVault.Internal;
using NodaTime;

namespace AuditAggregator.ExaVault;

/// <summary>
/// The query of <c>GET /activity/session</c>. A <see langword="null"/> property is not sent.
/// </summary>
/// <remarks>The wire names are camelCase; the server silently ignores other spellings such as <c>userName</c>.</remarks>
public sealed record ExaVaultSessionLogQuery
{
    /// <summary>Gets the start of the date range (<c>startDate</c>), sent in UTC in whole seconds.</summary>
    public Instant? StartDate { get; init; }

    /// <summary>Gets the end of the date range (<c>endDate</c>), sent in UTC in whole seconds.</summary>
    public Instant? EndDate { get; init; }

    /// <summary>Gets the client address to keep (<c>ipAddress</c>).</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the user name to keep (<c>username</c>).</summary>
    public string? Username { get; init; }

    /// <summary>Gets the path to keep (<c>path</c>), for example <c>/folder*</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the operation code to keep (<c>type</c>), for example <c>EDIT_SHARE</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the number of entries to skip (<c>offset</c>); not negative.</summary>
    public long? Offset { get; init; }

    /// <summary>Gets the most entries to return (<c>limit</c>); positive.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the sort order (<c>sort</c>), for example <c>-date</c> for newest first.</summary>
    public string? Sort { get; init; }

    internal string ToRelativeUri() => new QueryBuilder("activity/session")
        .Add("startDate", StartDate)
        .Add("endDate", EndDate)
        .Add("ipAddress", IpAddress)
        .Add("username", Username)
        .Add("path", Path)
        .Add("type", Type)
        .AddPaging(Offset, Limit)
        .Add("sort", Sort)
        .ToString();
}
