namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>The counts of one source over the window: by category, action and outcome.</summary>
internal sealed class SourceTally(string name)
{
    public string Name { get; } = name;

    public long Events { get; private set; }

    public SortedDictionary<string, long> Categories { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> Actions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

    public void Add(AuditEvent auditEvent)
    {
        Events++;
        Increment(Categories, Output.Names.Of(auditEvent.Category));
        Increment(Actions, auditEvent.Action);
        Increment(Outcomes, Output.Names.Of(auditEvent.Outcome));
    }

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
