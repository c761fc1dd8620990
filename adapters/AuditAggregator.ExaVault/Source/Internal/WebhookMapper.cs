using System.Text.Json;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Maps a webhook log entry to an <see cref="AuditEvent"/>, reading <c>details</c> in the shape its
/// <c>webhookFormat</c> names (<c>v1</c>, also when missing, or <c>v2</c>); an unknown format keeps the raw details only.
/// </summary>
internal static class WebhookMapper
{
    private static readonly ExaVaultWebhookAttributes None = new();

    public static AuditEvent Map(ExaVaultLogEntry<ExaVaultWebhookAttributes> entry, bool includeRawRecord)
    {
        const string stream = ExaVaultSourceNames.WebhookStream;
        var attributes = entry.Attributes ?? None;
        var id = EntryParts.Id(entry.Id, stream);
        var (time, offset) = EntryParts.Time(attributes.Created, id, stream);
        var format = attributes.WebhookFormat;
        var isV1 = string.IsNullOrEmpty(format) || string.Equals(format, "v1", StringComparison.OrdinalIgnoreCase);
        var isV2 = string.Equals(format, "v2", StringComparison.OrdinalIgnoreCase);
        var inner = attributes.Details is { ValueKind: JsonValueKind.Object } element ? element : default;

        var details = new DetailsBuilder(16)
            .Add("endpointUrl", attributes.EndpointUrl)
            .Add("status", attributes.Status)
            .Add("response", attributes.Response)
            .Add("attemptId", attributes.AttemptId)
            .Add("resend", attributes.Resend)
            .Add("webhookId", attributes.WebhookId)
            .Add("webhookPath", attributes.WebhookPath)
            .Add("accountId", attributes.AccountId)
            .Add("webhookFormat", format);
        if (isV1 || isV2)
        {
            details.Add("protocol", Property(inner, "protocol"));
        }

        if (isV1)
        {
            details.Add("attempt", Property(inner, "attempt"));
        }

        if (isV2)
        {
            details.Add("eventTimestamp", Property(inner, "eventTimestamp"))
                .Add("transferStatus", Property(Property(inner, "eventData") ?? default, "transferStatus"));
        }

        return new AuditEvent
        {
            Source = ExaVaultSourceNames.Source,
            Vendor = ExaVaultSourceNames.Vendor,
            Stream = stream,
            SourceId = id,
            Time = time,
            Offset = offset,
            Category = AuditCategory.Webhook,
            Action = AuditActions.WebhookDelivery,
            Outcome = attributes.Status switch
            {
                null => AuditOutcome.Unknown,
                >= 200 and < 300 => AuditOutcome.Success,
                _ => AuditOutcome.Failure,
            },
            Actor = EntryParts.Actor(EntryParts.NullIfEmpty(attributes.Username) ?? Text(inner, "username")),
            Ip = EntryParts.NullIfEmpty(attributes.IpAddress) ?? (isV2 ? Text(inner, "ipAddress") : null),
            Resource = EntryParts.NullIfEmpty(attributes.ResourcePath),
            VendorAction = attributes.Event ?? string.Empty,
            Details = details.Add("details", attributes.Details).AddAll(attributes.AdditionalAttributes).Build(),
            RawRecord = includeRawRecord ? JsonSerializer.Serialize(entry, ExaVaultJsonContext.Default.ExaVaultLogEntryExaVaultWebhookAttributes) : null,
        };
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? EntryParts.NullIfEmpty(value.GetString()) : null;
}
