namespace AuditAggregator.Benchmarks.Naive;

#pragma warning disable CA2227, CA1002 // A naive DTO: settable lists, as a first version writes them.
public sealed class NaiveLoginEvent
{
    public long Id { get; set; }

    public DateTimeOffset Date { get; set; }

    public string? User { get; set; }

    public Guid UserId { get; set; }

    public string? Login { get; set; }

    public string? Action { get; set; }

    public int ActionId { get; set; }

    public string? Ip { get; set; }

    public string? Country { get; set; }

    public string? City { get; set; }

    public string? Browser { get; set; }

    public string? Platform { get; set; }

    public string? Page { get; set; }
}
