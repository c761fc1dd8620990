using System.Globalization;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>One ExaVault webhook-log entry, in the v1 or v2 attribute shape chosen by its webhook's format.</summary>
internal sealed class WebhookEntry
{
    public long Index { get; init; }

    public long Id { get; init; }

    public DateTimeOffset Created { get; init; }

    public required WebhookConfig Webhook { get; init; }

    public required string AttemptId { get; init; }

    public bool Resend { get; init; }

    public int Attempt { get; init; }

    public required string Event { get; init; }

    public int Status { get; init; }

    public required string Response { get; init; }

    public required string IpAddress { get; init; }

    public required string ResourcePath { get; init; }

    public required string Username { get; init; }

    public required string Protocol { get; init; }

    public long ResourceId { get; init; }

    public required string ResourceHash { get; init; }

    public bool IsFolder { get; init; }

    public int Size { get; init; }

    public int FileCount { get; init; }

    public SimulatedRecord ToRecord() => new()
    {
        Source = "exavault",
        Stream = "webhook",
        Index = Index,
        Id = Id,
        Time = Created,
        Action = Event,
        Login = Username,
        Ip = IpAddress,
        Status = Status.ToString(CultureInfo.InvariantCulture),
        Resource = ResourcePath,
    };
}
