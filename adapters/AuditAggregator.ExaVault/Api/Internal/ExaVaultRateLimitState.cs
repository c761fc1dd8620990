namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The account's request allowance as the last ExaVault response reported it (<c>X-RateLimit-Limit</c> and
/// <c>X-RateLimit-Remaining</c>).
/// </summary>
/// <remarks>
/// ExaVault counts every request against a daily allowance over a rolling 24 hours, so this is a snapshot: it is
/// only as fresh as <see cref="ObservedAt"/>.
/// </remarks>
/// <param name="Limit">The allowance (<c>X-RateLimit-Limit</c>), or <see langword="null"/> when the response did not say.</param>
/// <param name="Remaining">The requests left in the allowance (<c>X-RateLimit-Remaining</c>).</param>
/// <param name="ObservedAt">When the response that carried the headers arrived.</param>
internal sealed record ExaVaultRateLimitState(long? Limit, long Remaining, DateTimeOffset ObservedAt);
