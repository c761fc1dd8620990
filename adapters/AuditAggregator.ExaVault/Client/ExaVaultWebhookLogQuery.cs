using AuditAggregator.ExaVault.Internal;
using NodaTime;

namespace AuditAggregator.ExaVault;

/// <summary>
/// The query of <c>GET /activity/webhooks</c>. A <see langword="null"/> property is not sent.
/// </summary>
/// <remarks>The wire names are camelCase; the server silently ignores other spellings such as <c>path</c>.</remarks>
public sealed record ExaVaultWebhookLogQuery
{
    /// <summary>Gets the start of the date range (<c>startDate</c>), sent in UTC in whole seconds.</summary>
    public Instant? StartDate { get; init; }

    /// <summary>Gets the end of the date range (<c>endDate</c>), sent in UTC in whole seconds.</summary>
    public Instant? EndDate { get; init; }

    /// <summary>Gets the listener URL to keep (<c>endpointUrl</c>).</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Gets the event to keep (<c>event</c>), for example <c>resources.upload</c>.</summary>
    public string? Event { get; init; }

    /// <summary>Gets the listener's HTTP status to keep (<c>statusCode</c>).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the resource path to keep (<c>resourcePath</c>), for example <c>/folder*</c>.</summary>
    public string? ResourcePath { get; init; }

    /// <summary>Gets the user name to keep (<c>username</c>).</summary>
    public string? Username { get; init; }

    /// <summary>Gets the number of entries to skip (<c>offset</c>); not negative.</summary>
    public long? Offset { get; init; }

    /// <summary>Gets the most entries to return (<c>limit</c>); positive.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the sort order (<c>sort</c>), for example <c>-date</c> for newest first.</summary>
    public string? Sort { get; init; }

    internal string ToRelativeUri() => new QueryBuilder("activity/webhooks")
        .Add("startDate", StartDate)
        .Add("endDate", EndDate)
        .Add("endpointUrl", EndpointUrl)
        .Add("event", Event)
        .Add("statusCode", StatusCode)
        .Add("resourcePath", ResourcePath)
        .Add("username", Username)
        .AddPaging(Offset, Limit)
        .Add("sort", Sort)
        .ToString();
}
