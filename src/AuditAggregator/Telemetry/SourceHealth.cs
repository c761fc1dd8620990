namespace AuditAggregator.Telemetry;

/// <summary>
/// The health of one source at one moment.
/// </summary>
/// <param name="SourceName">The source.</param>
/// <param name="State">Its state.</param>
/// <param name="ChangedAt">When the state was reported.</param>
/// <param name="Detail">Why, for a state other than healthy; never a credential.</param>
public sealed record SourceHealth(string SourceName, SourceHealthState State, DateTimeOffset ChangedAt, string? Detail);
