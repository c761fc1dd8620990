namespace AuditAggregator.ExaVault;

/// <summary>
/// A typed client for ExaVault's activity logs (<c>GET /activity/session</c> and <c>GET /activity/webhooks</c>).
/// </summary>
/// <remarks>
/// Every call sends the <c>ev-api-key</c> and <c>ev-access-token</c> headers, waits for the client-side rate limit,
/// slows down or stops as the account's allowance runs low, and retries transient failures (429 included).
/// </remarks>
public interface IExaVaultClient
{
    /// <summary>
    /// Gets the account's allowance as the last response reported it, or <see langword="null"/> before the first response.
    /// </summary>
    ExaVaultRateLimitState? RateLimit { get; }

    /// <summary>
    /// Gets one page of the session activity log.
    /// </summary>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Stops the request and the waits before it.</param>
    /// <returns>The page as the vendor sent it.</returns>
    /// <exception cref="AuditSourceException">The request failed, or the allowance is too low to send it.</exception>
    Task<ExaVaultLogPage<ExaVaultSessionAttributes>> GetSessionLogsAsync(ExaVaultSessionLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of the webhook log.
    /// </summary>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Stops the request and the waits before it.</param>
    /// <returns>The page as the vendor sent it.</returns>
    /// <exception cref="AuditSourceException">The request failed, or the allowance is too low to send it.</exception>
    Task<ExaVaultLogPage<ExaVaultWebhookAttributes>> GetWebhookLogsAsync(ExaVaultWebhookLogQuery query, CancellationToken cancellationToken = default);
}
