namespace AuditAggregator.Benchmarks.Naive;

#pragma warning disable CA2227, CA1002 // A naive DTO: settable lists, as a first version writes them.
public sealed class NaiveExaVaultPage<T>
{
    public int ResponseStatus { get; set; }

    public long TotalResults { get; set; }

    public int ReturnedResults { get; set; }

    public List<NaiveExaVaultEntry<T>> Data { get; set; } = [];
}
