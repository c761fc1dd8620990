using System.Globalization;
using AuditAggregator.Resilience;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// What every client of one ExaVault account shares: the options, the retry pipeline, the client-side rate limit
/// and the allowance guard. One per account (a singleton), whatever the lifetime of the HTTP clients.
/// </summary>
internal sealed class ExaVaultAccount
{
    private const string Redacted = "***";

    public ExaVaultAccount(ExaVaultOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.AccountUrl, nameof(options));
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        Options = options;
        TimeProvider = timeProvider;
        Logger = logger;
        BaseUri = ApiBase(options.AccountUrl);
        Resilience = new SourceResilience(ExaVaultSourceNames.Source, options.Resilience, timeProvider, logger);
        Guard = new RateLimitGuard(options.SlowDownBelow, options.StopBelow, options.MaxSlowDownDelay);
    }

    public ExaVaultOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the API's base, ending in <c>/api/v2/</c>.</summary>
    public Uri BaseUri { get; }

    public SourceResilience Resilience { get; }

    public RateLimitGuard Guard { get; }

    /// <summary>Waits as the allowance guard and the client-side limit ask, or stops; called before every attempt.</summary>
    public async ValueTask BeforeRequestAsync(CancellationToken cancellationToken)
    {
        var delay = Guard.DelayBeforeNextRequest(TimeProvider.GetUtcNow());
        if (delay is null)
        {
            var state = Guard.Current!;
            Logger.LogStop(state.Remaining, Options.StopBelow);
            throw new AllowanceStopException(AllowanceTooLow(state, Options.StopBelow));
        }

        if (delay > TimeSpan.Zero)
        {
            Logger.LogSlowDown(Guard.Current!.Remaining, delay.Value);
            await Task.Delay(delay.Value, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AuditSourceException AllowanceTooLow(ExaVaultRateLimitState state, long stopBelow)
    {
        var limit = state.Limit?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        return new AuditSourceException(
            ExaVaultSourceNames.Source,
            AuditErrorKind.RateLimited,
            $"Stopped before sending a request: {state.Remaining} of the account's {limit} daily requests remain, fewer than StopBelow ({stopBelow}). The allowance renews over a rolling 24 hours.");
    }

    /// <summary>Removes the credentials from text the vendor sent, in case it echoes them.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in (ReadOnlySpan<string>)[Options.ApiKey, Options.AccessToken])
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static Uri ApiBase(Uri accountUrl)
    {
        var text = accountUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!text.EndsWith("/api/v2", StringComparison.OrdinalIgnoreCase))
        {
            text += "/api/v2";
        }

        return new Uri(text + "/", UriKind.Absolute);
    }
}
