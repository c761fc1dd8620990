using NodaTime;

namespace AuditAggregator.Checkpoints;

/// <summary>
/// The id and time of an event already delivered, kept to drop it when a later window overlaps it.
/// </summary>
/// <param name="Id">The event's <see cref="AuditEvent.Id"/>.</param>
/// <param name="Time">The event's <see cref="AuditEvent.Time"/>.</param>
public readonly record struct DeliveredId(string Id, Instant Time);
