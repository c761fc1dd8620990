using System.Text.Json;
using AuditAggregator.Resilience;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Turns an ExaVault error response into an <see cref="AuditSourceException"/> with the status and the vendor's code.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>The most bytes of an error body read; error bodies are small, proxies' HTML pages are not.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<AuditSourceException> CreateAsync(
        HttpResponseMessage response,
        ExaVaultAccount account,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var error = await ReadErrorAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var retryAfter = status == 429 ? HttpRetryAfter.Get(response.Headers, account.TimeProvider.GetUtcNow()) : null;
        return new AuditSourceException(
            account.Name,
            KindOf(status),
            Describe(status),
            status,
            account.Redact(error?.Code),
            account.Redact(error?.Detail),
            retryAfter: retryAfter);
    }

    /// <summary>A body that is not the documented JSON: transient, since a cut-off body looks like this too.</summary>
    public static AuditSourceException Malformed(string sourceName, string description, int status, Exception? cause = null) =>
        new(sourceName, AuditErrorKind.MalformedResponse, description, status, innerException: cause);

    public static AuditErrorKind KindOf(int status) => status switch
    {
        400 => AuditErrorKind.BadRequest,
        401 => AuditErrorKind.Authentication,
        402 => AuditErrorKind.Plan,
        403 => AuditErrorKind.Authorization,
        404 => AuditErrorKind.NotFound,
        408 => AuditErrorKind.Network,
        429 => AuditErrorKind.RateLimited,
        >= 500 => AuditErrorKind.Server,
        _ => AuditErrorKind.Unknown,
    };

    private static string Describe(int status) => status switch
    {
        400 => "ExaVault rejected the request; a filter value, the page parameters or the sort field is invalid.",
        401 => "ExaVault rejected the API key or the access token; check both, and that the token was not revoked.",
        403 => "The access token's user may not read the activity logs.",
        404 => "ExaVault has no such route; check the account URL.",
        408 => "ExaVault timed out waiting for the request.",
        429 => "ExaVault throttled the request: the account's daily allowance or its limit per second was reached.",
        >= 500 => "ExaVault failed to answer the request.",
        _ => "ExaVault answered with an unexpected status.",
    };

    private static async Task<ExaVaultErrorItem?> ReadErrorAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBodyBytes];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            try
            {
                var body = JsonSerializer.Deserialize(buffer.AsSpan(0, length), ExaVaultJsonContext.Default.ExaVaultErrorBody);
                return body?.Errors is [var first, ..] ? first : null;
            }
            catch (JsonException)
            {
                // An empty body, a proxy's HTML page or a cut-off body: the status alone says what happened.
                return null;
            }
        }
    }
}
