using NodaTime;
using Refit;

namespace AuditAggregator.ExaVault;

/// <summary>
/// ExaVault API v2's activity logs, <c>GET /activity/session</c> and <c>GET /activity/webhooks</c>, as a Refit
/// interface (source-generated, no reflection).
/// </summary>
/// <remarks>
/// <para>The <see cref="HttpClient.BaseAddress"/> is the account's API root, <c>https://{account}.exavault.com/api/v2</c>.
/// The client must send the <c>ev-api-key</c> and <c>ev-access-token</c> headers; the audit source's registration
/// adds a handler that does.</para>
/// <para>Every query parameter has the vendor's case-sensitive camelCase name; a <see langword="null"/> argument is
/// not sent. Dates are sent in UTC in whole seconds with a <c>Z</c> (<c>2025-06-01T00:00:00Z</c>), whatever the
/// local time zone.</para>
/// <para>Each call returns the response as soon as its headers arrive, whatever its status: the caller checks the
/// status, reads the body as a stream and disposes the response.</para>
/// </remarks>
[Headers("Accept: application/json")]
public interface IExaVaultActivityApi
{
    /// <summary>The wire format of <c>startDate</c> and <c>endDate</c>: an <see cref="Instant"/> in UTC, whole seconds.</summary>
    const string DateFormat = "uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary>
    /// Gets one page of the session activity log.
    /// </summary>
    /// <param name="startDate">The start of the date range (<c>startDate</c>).</param>
    /// <param name="endDate">The end of the date range (<c>endDate</c>).</param>
    /// <param name="ipAddress">The client address to keep (<c>ipAddress</c>).</param>
    /// <param name="username">The user name to keep (<c>username</c>).</param>
    /// <param name="path">The path to keep (<c>path</c>), for example <c>/folder*</c>.</param>
    /// <param name="type">The operation code to keep (<c>type</c>), for example <c>EDIT_SHARE</c>.</param>
    /// <param name="offset">The number of entries to skip (<c>offset</c>); not negative.</param>
    /// <param name="limit">The most entries to return (<c>limit</c>); positive.</param>
    /// <param name="sort">The sort order (<c>sort</c>), for example <c>-date</c> for newest first.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response, with its headers read and its body not yet; the caller disposes it.</returns>
    [Get("/activity/session")]
    Task<HttpResponseMessage> GetSessionActivityAsync(
        [Query(Format = DateFormat)] Instant? startDate = null,
        [Query(Format = DateFormat)] Instant? endDate = null,
        string? ipAddress = null,
        string? username = null,
        string? path = null,
        string? type = null,
        long? offset = null,
        int? limit = null,
        string? sort = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of the webhook log.
    /// </summary>
    /// <param name="startDate">The start of the date range (<c>startDate</c>).</param>
    /// <param name="endDate">The end of the date range (<c>endDate</c>).</param>
    /// <param name="endpointUrl">The listener URL to keep (<c>endpointUrl</c>).</param>
    /// <param name="event">The event to keep (<c>event</c>), for example <c>resources.upload</c>.</param>
    /// <param name="statusCode">The listener's HTTP status to keep (<c>statusCode</c>).</param>
    /// <param name="resourcePath">The resource path to keep (<c>resourcePath</c>), for example <c>/folder*</c>.</param>
    /// <param name="username">The user name to keep (<c>username</c>).</param>
    /// <param name="offset">The number of entries to skip (<c>offset</c>); not negative.</param>
    /// <param name="limit">The most entries to return (<c>limit</c>); positive.</param>
    /// <param name="sort">The sort order (<c>sort</c>), for example <c>-date</c> for newest first.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response, with its headers read and its body not yet; the caller disposes it.</returns>
    [Get("/activity/webhooks")]
    Task<HttpResponseMessage> GetWebhookActivityAsync(
        [Query(Format = DateFormat)] Instant? startDate = null,
        [Query(Format = DateFormat)] Instant? endDate = null,
        string? endpointUrl = null,
        string? @event = null,
        int? statusCode = null,
        string? resourcePath = null,
        string? username = null,
        long? offset = null,
        int? limit = null,
        string? sort = null,
        CancellationToken cancellationToken = default);
}
