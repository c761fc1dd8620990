using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AuditAggregator.Telemetry;

/// <summary>
/// The library's <see cref="Meter"/> and <see cref="ActivitySource"/>, both named <c>AuditAggregator</c>.
/// </summary>
/// <remarks>
/// Counters, each tagged with <c>source</c>: <c>auditaggregator.requests</c> (also <c>status</c>),
/// <c>auditaggregator.events</c>, <c>auditaggregator.retries</c>, <c>auditaggregator.throttles</c> and
/// <c>auditaggregator.errors</c> (also <c>kind</c>). Each page is an activity <c>page</c>. No tag or span ever
/// carries a credential: only source names, page numbers, offsets, counts and statuses.
/// </remarks>
public static class AuditTelemetry
{
    /// <summary>
    /// The name of the meter and of the activity source.
    /// </summary>
    public const string Name = "AuditAggregator";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("auditaggregator.requests", description: "HTTP requests sent to a vendor.");
    private static readonly Counter<long> Events = Meter.CreateCounter<long>("auditaggregator.events", description: "Audit events read from a vendor.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("auditaggregator.retries", description: "Requests tried again.");
    private static readonly Counter<long> Throttles = Meter.CreateCounter<long>("auditaggregator.throttles", description: "Requests the vendor throttled (HTTP 429) or the client slowed down.");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("auditaggregator.errors", description: "Reads that failed.");

    /// <summary>
    /// Gets the activity source that traces pages.
    /// </summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>
    /// Counts one request and its HTTP status (0 when no response arrived).
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="status">The HTTP status.</param>
    public static void RecordRequest(string source, int status) =>
        Requests.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("status", status));

    /// <summary>
    /// Counts events read.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="count">How many.</param>
    public static void RecordEvents(string source, long count) => Events.Add(count, new KeyValuePair<string, object?>("source", source));

    /// <summary>
    /// Counts a retry, and a throttle when the vendor throttled.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="throttled">Whether the cause was throttling.</param>
    public static void RecordRetry(string source, bool throttled)
    {
        Retries.Add(1, new KeyValuePair<string, object?>("source", source));
        if (throttled)
        {
            RecordThrottle(source);
        }
    }

    /// <summary>
    /// Counts a throttle: a 429, or a pause the client made itself to stay under a limit.
    /// </summary>
    /// <param name="source">The source name.</param>
    public static void RecordThrottle(string source) => Throttles.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>
    /// Counts a failed read.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="kind">What went wrong.</param>
    public static void RecordError(string source, AuditErrorKind kind) =>
        Errors.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("kind", kind.ToString()));

    /// <summary>
    /// Starts the span of one page, or returns <see langword="null"/> when nobody listens.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="pageNumber">The page number, from zero.</param>
    /// <param name="offset">The page's offset.</param>
    /// <param name="size">The page size.</param>
    /// <returns>The activity, to dispose when the page is done.</returns>
    public static Activity? StartPage(string source, int pageNumber, long offset, int size)
    {
        var activity = ActivitySource.StartActivity("page", ActivityKind.Client);
        activity?.SetTag("auditaggregator.source", source);
        activity?.SetTag("auditaggregator.page", pageNumber);
        activity?.SetTag("auditaggregator.offset", offset);
        activity?.SetTag("auditaggregator.size", size);
        return activity;
    }
}
