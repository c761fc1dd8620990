namespace AuditAggregator.Benchmarks.Naive;

#pragma warning disable CA2227, CA1002 // A naive DTO: settable lists, as a first version writes them.
public sealed class NaiveExaVaultEntry<T>
{
    public string? Type { get; set; }

    public long Id { get; set; }

    public T? Attributes { get; set; }
}
