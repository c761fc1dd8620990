namespace AuditAggregator.Benchmarks.Naive;

#pragma warning disable CA2227, CA1002 // A naive DTO: settable lists, as a first version writes them.
public sealed class NaiveSessionAttributes
{
    public DateTimeOffset Created { get; set; }

    public string? SessionId { get; set; }

    public string? IpAddress { get; set; }

    public string? Username { get; set; }

    public string? Operation { get; set; }

    public string? Protocol { get; set; }

    public string? Status { get; set; }

    public string? FileName { get; set; }

    public string? FileSource { get; set; }

    public long? BytesTransferred { get; set; }

    public long? Duration { get; set; }
}
