namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>One DocSpace AuditEventDto as the server would build it; a null property is omitted on the wire.</summary>
internal sealed class AuditEntry
{
    public long Index { get; init; }

    public int Id { get; init; }

    public DateTimeOffset Time { get; init; }

    public string? User { get; init; }

    public Guid UserId { get; init; }

    public string? Action { get; init; }

    public required AuditAction Code { get; init; }

    public string? Ip { get; init; }

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Browser { get; init; }

    public string? Platform { get; init; }

    public string? Page { get; init; }

    /// <summary>Gets the target ids as the server splits its stored comma-joined column; null when nothing was targeted.</summary>
    public IReadOnlyList<string>? Target { get; init; }

    public string? Context { get; init; }

    /// <summary>Gets the title of the file, folder or room acted on (it reaches the wire only inside <see cref="Action"/> or <see cref="Context"/>).</summary>
    public string? Title { get; init; }

    /// <summary>Gets the stored target column: the ids joined with commas, which the <c>target</c> filter compares against.</summary>
    public string? StoredTarget => Target is null ? null : string.Join(',', Target);

    public SimulatedRecord ToRecord() => new()
    {
        Source = "docspace",
        Stream = "audit",
        Index = Index,
        Id = Id,
        Time = Time,
        Action = Code.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UserId = UserId,
        Ip = Ip,
        Resource = Title,
    };
}
