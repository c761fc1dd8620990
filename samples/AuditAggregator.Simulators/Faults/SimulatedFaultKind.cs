namespace AuditAggregator.Simulators;

/// <summary>The kinds of misbehaviour a simulator can be told to show on a request.</summary>
public enum SimulatedFaultKind
{
    /// <summary>429 Too Many Requests, with or without <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>A 5xx answer; 502 and 503 carry a proxy's HTML page by default.</summary>
    ServerError,

    /// <summary>Status 200 and part of the body, then the connection is aborted.</summary>
    DropConnection,

    /// <summary>The normal answer, after a delay (longer than a client's timeout, typically).</summary>
    Slow,

    /// <summary>Status 200 and a body cut in the middle of the JSON, ended cleanly.</summary>
    TruncatedBody,
}
