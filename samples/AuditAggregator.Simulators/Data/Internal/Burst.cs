namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>
/// Where an index sits in a burst of related events (for example failed logins for one account in quick succession).
/// </summary>
/// <param name="Start">The index of the first event of the burst.</param>
/// <param name="Position">The position of this event in the burst, 0-based.</param>
/// <param name="Length">The number of events in the burst.</param>
/// <param name="Hash">A hash that is the same for every event of the burst, to pick its account and address.</param>
internal readonly record struct Burst(long Start, int Position, int Length, ulong Hash)
{
    public bool IsLast => Position == Length - 1;
}
