using System.Globalization;
using AuditAggregator.Resilience;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The state of one ExaVault source (one account under one name): its options, its retry layer with its rate budget
/// and health, and its allowance guard. Each source owns one; two sources never share it, whatever their account.
/// </summary>
internal sealed class ExaVaultAccount
{
    private const string Redacted = "***";

    public ExaVaultAccount(string name, ExaVaultOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        Name = name;
        Options = options;
        TimeProvider = timeProvider;
        Logger = logger;
        Resilience = new SourceResilience(name, options.Resilience, timeProvider, logger);
        Guard = new RateLimitGuard(options.SlowDownBelow, options.StopBelow, options.MaxSlowDownDelay);
    }

    /// <summary>Gets the source's configured name, which its events, errors, logs and metrics carry.</summary>
    public string Name { get; }

    public ExaVaultOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the one retry layer of this source: request, status check and parse run in it together.</summary>
    public SourceResilience Resilience { get; }

    public RateLimitGuard Guard { get; }

    /// <summary>Gets the API's root for an account address: it ends in <c>/api/v2</c>, added unless already there.</summary>
    public static Uri ApiBase(Uri accountUrl)
    {
        ArgumentNullException.ThrowIfNull(accountUrl);
        var text = accountUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!text.EndsWith("/api/v2", StringComparison.OrdinalIgnoreCase))
        {
            text += "/api/v2";
        }

        return new Uri(text, UriKind.Absolute);
    }

    /// <summary>Waits as the allowance guard asks, or stops; called before every attempt.</summary>
    public async ValueTask BeforeRequestAsync(CancellationToken cancellationToken)
    {
        var delay = Guard.DelayBeforeNextRequest(TimeProvider.GetUtcNow());
        if (delay is null)
        {
            var state = Guard.Current!;
            Logger.LogStop(Name, state.Remaining, Options.StopBelow);
            throw new AllowanceStopException(AllowanceTooLow(state));
        }

        var now = TimeProvider.GetUtcNow();
        if (Guard.Current is { } low && low.Remaining < Options.SlowDownBelow && now - low.ObservedAt < RateLimitGuard.TrustFor)
        {
            // The allowance is running low: one request at a time from now on, so that the stop comes exactly.
            Resilience.Concurrency.LowerTo(1);
        }

        if (delay > TimeSpan.Zero)
        {
            Logger.LogSlowDown(Name, Guard.Current!.Remaining, delay.Value);
            await Task.Delay(delay.Value, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
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

    private AuditSourceException AllowanceTooLow(ExaVaultRateLimitState state)
    {
        var limit = state.Limit?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        return new AuditSourceException(
            Name,
            AuditErrorKind.RateLimited,
            $"Stopped before sending a request: {state.Remaining} of the account's {limit} daily requests remain, fewer than StopBelow ({Options.StopBelow}). The allowance renews over a rolling 24 hours.");
    }
}
