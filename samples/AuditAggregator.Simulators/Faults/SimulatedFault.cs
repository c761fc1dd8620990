using System.Globalization;

namespace AuditAggregator.Simulators;

/// <summary>
/// One injected misbehaviour, served instead of (or around) the normal answer to exactly one request.
/// </summary>
/// <remarks>Create instances with the static factory methods and queue them on <see cref="FaultPlan"/>.</remarks>
public sealed class SimulatedFault
{
    private SimulatedFault(SimulatedFaultKind kind, int statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>Gets the kind of fault.</summary>
    public SimulatedFaultKind Kind { get; }

    /// <summary>Gets the HTTP status the fault answers with (200 for the body faults and <see cref="SimulatedFaultKind.Slow"/>).</summary>
    public int StatusCode { get; }

    /// <summary>Gets the <c>Retry-After</c> a 429 carries, or <see langword="null"/> for none.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Gets the delay before a <see cref="SimulatedFaultKind.Slow"/> answer.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Gets a value indicating whether a server error carries a proxy's HTML page instead of the vendor's JSON.</summary>
    public bool HtmlBody { get; private init; }

    /// <summary>Creates a 429 answer.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c> to send (whole seconds, rounded up), or <see langword="null"/> to send none.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault TooManyRequests(TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(retryAfter));
        }

        return new(SimulatedFaultKind.TooManyRequests, 429) { RetryAfter = retryAfter };
    }

    /// <summary>Creates a server error answer.</summary>
    /// <param name="statusCode">The status, 500 to 599. Default 503.</param>
    /// <param name="htmlBody">Whether to answer with a proxy's HTML page; by default true for 502, 503 and 504.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault ServerError(int statusCode = 503, bool? htmlBody = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(SimulatedFaultKind.ServerError, statusCode) { HtmlBody = htmlBody ?? statusCode is 502 or 503 or 504 };
    }

    /// <summary>Creates a fault that sends status 200 and about half of the normal body, then aborts the connection.</summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault DropConnection() => new(SimulatedFaultKind.DropConnection, 200);

    /// <summary>
    /// Creates a fault that waits before the normal answer. The wait is real time (not the options' clock) and ends
    /// early if the client gives up.
    /// </summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(SimulatedFaultKind.Slow, 200) { Delay = delay };
    }

    /// <summary>Creates a fault that sends status 200 and about half of the normal body, and ends the response cleanly.</summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault TruncatedBody() => new(SimulatedFaultKind.TruncatedBody, 200);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        SimulatedFaultKind.TooManyRequests => RetryAfter is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"429 (Retry-After {r.TotalSeconds:0.###}s)")
            : "429 (no Retry-After)",
        SimulatedFaultKind.ServerError => string.Create(CultureInfo.InvariantCulture, $"{StatusCode}{(HtmlBody ? " (HTML)" : string.Empty)}"),
        SimulatedFaultKind.Slow => string.Create(CultureInfo.InvariantCulture, $"slow ({Delay.TotalMilliseconds:0}ms)"),
        _ => Kind.ToString(),
    };
}
