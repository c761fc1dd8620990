using System.Globalization;
using System.Net.Http.Headers;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Tracks the account's allowance from <c>X-RateLimit-*</c> headers and decides, before each request, whether to
/// send it at once, after a delay, or not at all.
/// </summary>
internal sealed class RateLimitGuard
{
    /// <summary>How long a reported count is trusted; the allowance renews over a rolling 24 hours.</summary>
    public static readonly TimeSpan TrustFor = TimeSpan.FromHours(1);

    /// <summary>How long a lower count wins over a higher one: concurrent responses can arrive out of order.</summary>
    public static readonly TimeSpan OutOfOrderWindow = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();

    private readonly long _slowDownBelow;
    private readonly long _stopBelow;
    private readonly TimeSpan _maxDelay;
    private ExaVaultRateLimitState? _current;

    public RateLimitGuard(long slowDownBelow, long stopBelow, TimeSpan maxDelay)
    {
        _slowDownBelow = slowDownBelow;
        _stopBelow = stopBelow;
        _maxDelay = maxDelay;
    }

    public ExaVaultRateLimitState? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Reads the headers of a response, success or not; a response without them changes nothing, and a higher count
    /// than one seen moments ago is taken for a response that overtook another.
    /// </summary>
    public void Observe(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (TryRead(headers, "X-RateLimit-Remaining") is not { } remaining)
        {
            return;
        }

        lock (_gate)
        {
            var current = _current;
            if (current is not null && remaining > current.Remaining && now - current.ObservedAt < OutOfOrderWindow)
            {
                return;
            }

            var limit = TryRead(headers, "X-RateLimit-Limit") ?? current?.Limit;
            Volatile.Write(ref _current, new ExaVaultRateLimitState(limit, remaining, now));
        }
    }

    /// <summary>
    /// Decides about the next request: <see langword="null"/> to stop, else the delay (zero when there is room).
    /// </summary>
    public TimeSpan? DelayBeforeNextRequest(DateTimeOffset now)
    {
        var state = Current;
        if (state is null || now - state.ObservedAt >= TrustFor || state.Remaining >= _slowDownBelow)
        {
            return TimeSpan.Zero;
        }

        if (state.Remaining < _stopBelow)
        {
            return null;
        }

        // Linear from no delay just below SlowDownBelow to the full delay at StopBelow.
        var fraction = (double)(_slowDownBelow - state.Remaining) / (_slowDownBelow - _stopBelow);
        return _maxDelay * fraction;
    }

    private static long? TryRead(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
