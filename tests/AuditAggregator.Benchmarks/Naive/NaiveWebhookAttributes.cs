using System.Text.Json;

namespace AuditAggregator.Benchmarks.Naive;

#pragma warning disable CA2227, CA1002 // A naive DTO: settable lists, as a first version writes them.
public sealed class NaiveWebhookAttributes
{
    public long? WebhookId { get; set; }

    public string? WebhookFormat { get; set; }

    public string? WebhookPath { get; set; }

    public string? AccountId { get; set; }

    public string? AttemptId { get; set; }

    public bool? Resend { get; set; }

    public DateTimeOffset Created { get; set; }

    public string? EndpointUrl { get; set; }

    public string? Event { get; set; }

    public int? Status { get; set; }

    public string? Response { get; set; }

    public string? IpAddress { get; set; }

    public string? ResourcePath { get; set; }

    public string? Username { get; set; }

    public JsonElement? Details { get; set; }
}
