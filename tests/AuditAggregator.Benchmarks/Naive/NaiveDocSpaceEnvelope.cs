namespace AuditAggregator.Benchmarks.Naive;

#pragma warning disable CA2227, CA1002 // A naive DTO: settable lists, as a first version writes them.
public sealed class NaiveDocSpaceEnvelope
{
    public List<NaiveLoginEvent> Response { get; set; } = [];

    public int Count { get; set; }

    public int Status { get; set; }

    public int StatusCode { get; set; }
}
