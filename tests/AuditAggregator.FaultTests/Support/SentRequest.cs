namespace AuditAggregator.FaultTests.Support;

/// <summary>One request as the adapter's HTTP pipeline sent it, timed on the client.</summary>
/// <param name="Number">The request's number, from 1, in the order sent.</param>
/// <param name="Uri">The address, query included.</param>
/// <param name="Sent">When it was sent (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
/// <param name="Answered">When the response headers arrived or the send failed (stopwatch ticks).</param>
/// <param name="StatusCode">The status, or <see langword="null"/> when the send failed.</param>
/// <param name="Failure">The exception type when the send failed.</param>
public sealed record SentRequest(int Number, Uri Uri, long Sent, long Answered, int? StatusCode, string? Failure);
