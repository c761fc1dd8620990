using System.Net.Http.Headers;

namespace AuditAggregator.Resilience;

/// <summary>
/// Reads the HTTP <c>Retry-After</c> header, in seconds or as an HTTP date.
/// </summary>
public static class HttpRetryAfter
{
    /// <summary>
    /// Gets how long the response asks the client to wait.
    /// </summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time, to turn a date into a delay.</param>
    /// <returns>The delay (never negative), or <see langword="null"/> when the header is absent or unreadable.</returns>
    public static TimeSpan? Get(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
