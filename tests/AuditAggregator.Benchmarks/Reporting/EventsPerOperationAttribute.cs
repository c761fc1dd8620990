namespace AuditAggregator.Benchmarks.Reporting;

/// <summary>
/// The number of audit events one operation of a benchmark class handles, for the events/s and bytes/event columns.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class EventsPerOperationAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}
