namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>One DocSpace LoginEventDto as the server would build it; a null property is omitted on the wire.</summary>
internal sealed class LoginEntry
{
    public long Index { get; init; }

    public int Id { get; init; }

    public DateTimeOffset Time { get; init; }

    public string? User { get; init; }

    public Guid UserId { get; init; }

    public string? Login { get; init; }

    public string? Action { get; init; }

    public int ActionId { get; init; }

    public string? Ip { get; init; }

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Browser { get; init; }

    public string? Platform { get; init; }

    public string? Page { get; init; }

    public SimulatedRecord ToRecord() => new()
    {
        Source = "docspace",
        Stream = "login",
        Index = Index,
        Id = Id,
        Time = Time,
        Action = ActionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Login = Login,
        UserId = UserId,
        Ip = Ip,
    };
}
