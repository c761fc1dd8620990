using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The attributes of a webhook log entry, in either shape (<see cref="WebhookFormat"/> <c>v1</c> or <c>v2</c>; the
/// shapes differ in <see cref="Details"/>). Every one may be missing.
/// </summary>
internal sealed class ExaVaultWebhookAttributes
{
    /// <summary>Gets the id of the webhook configuration.</summary>
    public long? WebhookId { get; init; }

    /// <summary>Gets the message version, <c>v1</c> or <c>v2</c>.</summary>
    public string? WebhookFormat { get; init; }

    /// <summary>Gets the path the webhook watches.</summary>
    public string? WebhookPath { get; init; }

    /// <summary>Gets the account's id.</summary>
    public string? AccountId { get; init; }

    /// <summary>Gets the id of this delivery attempt.</summary>
    public string? AttemptId { get; init; }

    /// <summary>Gets a value indicating whether this attempt re-sent an earlier one.</summary>
    public bool? Resend { get; init; }

    /// <summary>Gets when the message was generated, ISO 8601 with <c>Z</c> or an offset.</summary>
    public string? Created { get; init; }

    /// <summary>Gets the listener's URL.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Gets the event, for example <c>resources.upload</c>.</summary>
    public string? Event { get; init; }

    /// <summary>Gets the HTTP status the listener answered.</summary>
    public int? Status { get; init; }

    /// <summary>Gets the body the listener answered.</summary>
    public string? Response { get; init; }

    /// <summary>Gets the address of the activity that triggered the webhook.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the path of the resource that triggered the webhook.</summary>
    public string? ResourcePath { get; init; }

    /// <summary>Gets the user of the activity that triggered the webhook.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the message details, whose shape depends on <see cref="WebhookFormat"/>; kept raw.</summary>
    public JsonElement? Details { get; init; }

    /// <summary>Gets or sets the attributes the contract does not declare, kept as sent (settable for the serializer).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
