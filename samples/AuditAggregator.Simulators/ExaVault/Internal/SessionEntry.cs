namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>One ExaVault session-activity entry; a null attribute is left out of the body.</summary>
internal sealed class SessionEntry
{
    public long Index { get; init; }

    public long Id { get; init; }

    public DateTimeOffset Created { get; init; }

    public required string SessionId { get; init; }

    public required string IpAddress { get; init; }

    public required string Username { get; init; }

    public required string Operation { get; init; }

    public string? Protocol { get; init; }

    public required string Status { get; init; }

    public string FileName { get; init; } = string.Empty;

    public string FileSource { get; init; } = string.Empty;

    public long BytesTransferred { get; init; }

    public int? Duration { get; init; }

    public SimulatedRecord ToRecord() => new()
    {
        Source = "exavault",
        Stream = "session",
        Index = Index,
        Id = Id,
        Time = Created,
        Action = Operation,
        Login = Username,
        Ip = IpAddress,
        Status = Status,
        Resource = FileName.Length == 0 ? null : FileName,
    };
}
