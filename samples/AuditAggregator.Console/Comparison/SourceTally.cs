namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>The counts of one source (one account of a vendor) over the window: by category, action and outcome.</summary>
internal sealed class SourceTally(string name, string vendor)
{
    public string Name { get; } = name;

    /// <summary>Gets the vendor of the account, <c>docspace</c> or <c>exavault</c>.</summary>
    public string Vendor { get; } = vendor;

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
