using AuditAggregator.Paging;
using NodaTime;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The part of an <see cref="AuditQuery"/> the server can apply exactly, frozen once per read. The client filter
/// always runs as well, so a filter sent here only saves requests; anything in doubt is not sent.
/// </summary>
/// <param name="StartDate">The window's start rounded down to a second (the wire has whole seconds).</param>
/// <param name="EndDate">The window's end rounded up to a second; the client filter drops the closed edge.</param>
/// <param name="Username">The one actor asked for, if exactly one.</param>
/// <param name="SessionType">The one operation code of the one action asked for, if there is such a code.</param>
internal sealed record ServerFilter(Instant? StartDate, Instant? EndDate, string? Username, string? SessionType)
{
    /// <summary>The sort that makes the logs stream newest first.</summary>
    public const string NewestFirst = "-date";

    public static ServerFilter For(AuditQuery query) => new(
        query.From is { } from ? Floor(from) : null,
        query.To is { } to ? Ceiling(to) : null,
        query.Actors is { Count: 1 } actors ? actors.First() : null,
        query.Actions is { Count: 1 } actions ? OperationCodes.CodeOf(actions.First()) : null);

    /// <summary>Asks for one page of the session log, newest first, with these filters.</summary>
    public Task<HttpResponseMessage> GetSessionsAsync(IExaVaultActivityApi api, PageRequest page, CancellationToken cancellationToken) =>
        api.GetSessionActivityAsync(
            startDate: StartDate,
            endDate: EndDate,
            username: Username,
            type: SessionType,
            offset: page.Offset,
            limit: page.Size,
            sort: NewestFirst,
            cancellationToken: cancellationToken);

    /// <summary>Asks for one page of the webhook log, newest first, with these filters.</summary>
    public Task<HttpResponseMessage> GetWebhooksAsync(IExaVaultActivityApi api, PageRequest page, CancellationToken cancellationToken) =>
        api.GetWebhookActivityAsync(
            startDate: StartDate,
            endDate: EndDate,
            username: Username,
            offset: page.Offset,
            limit: page.Size,
            sort: NewestFirst,
            cancellationToken: cancellationToken);

    /// <summary>Determines whether the session log can hold an event the query keeps.</summary>
    public static bool WantsSessions(AuditQuery query) =>
        query.IncludesStream(ExaVaultSourceNames.SessionStream)
        && (query.Actions is null or { Count: 0 }
            || query.Actions.Any(a => OperationCodes.CodeOf(a) is not null || string.Equals(a, AuditActions.Other, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Determines whether the webhook log can hold an event the query keeps.</summary>
    public static bool WantsWebhooks(AuditQuery query) =>
        query.IncludesStream(ExaVaultSourceNames.WebhookStream)
        && (query.Actions is null or { Count: 0 }
            || query.Actions.Contains(AuditActions.WebhookDelivery, StringComparer.OrdinalIgnoreCase));

    private static Instant Floor(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static Instant Ceiling(Instant instant)
    {
        var floor = Floor(instant);
        return floor == instant ? floor : floor + Duration.FromSeconds(1);
    }
}
