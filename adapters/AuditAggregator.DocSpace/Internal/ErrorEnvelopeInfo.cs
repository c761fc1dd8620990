namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// What an error envelope said: the status in the body and a message safe to keep.
/// </summary>
internal readonly record struct ErrorEnvelopeInfo(int? StatusCode, string? Message);
