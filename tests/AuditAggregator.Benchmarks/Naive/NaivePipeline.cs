using System.Globalization;
using System.Text;
using System.Text.Json;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.ExaVault.Internal;
using NodaTime;

namespace AuditAggregator.Benchmarks.Naive;

/// <summary>
/// The naive pipeline the issue compares with: the whole body read into a string, reflection-based
/// <see cref="JsonSerializer.Deserialize{TValue}(string, JsonSerializerOptions?)"/> into a DTO list, then LINQ mapping
/// to equivalent <see cref="AuditEvent"/>s (same vocabulary tables as the adapters).
/// </summary>
internal static class NaivePipeline
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static List<AuditEvent> DocSpace(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var envelope = JsonSerializer.Deserialize<NaiveDocSpaceEnvelope>(text, Options)!;
        return envelope.Response.Select(r =>
        {
            var (action, outcome) = LoginActionTable.Map(r.ActionId);
            return new AuditEvent
            {
                Source = "docspace",
                Vendor = "docspace",
                Stream = "login",
                SourceId = r.Id.ToString(CultureInfo.InvariantCulture),
                Time = Instant.FromDateTimeOffset(r.Date),
                Offset = Offset.FromTimeSpan(r.Date.Offset),
                Category = action == AuditActions.Other ? AuditCategory.Other : AuditCategory.Authentication,
                Action = action,
                Outcome = outcome,
                Actor = new AuditActor(r.UserId == Guid.Empty ? null : r.UserId.ToString(), Blank(r.User), Blank(r.Login)),
                Ip = Blank(r.Ip),
                UserAgent = JoinNonBlank("; ", r.Browser, r.Platform),
                Location = JoinNonBlank(", ", r.City, r.Country),
                VendorAction = r.ActionId.ToString(CultureInfo.InvariantCulture),
                VendorActionName = LoginActionTable.Name(r.ActionId),
                Details = new AuditDetails(new Dictionary<string, string?> { ["action"] = r.Action, ["page"] = r.Page }
                    .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
                    .Select(kv => new KeyValuePair<string, AuditValue>(kv.Key, kv.Value!))),
            };
        }).ToList();
    }

    public static List<AuditEvent> Sessions(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var page = JsonSerializer.Deserialize<NaiveExaVaultPage<NaiveSessionAttributes>>(text, Options)!;
        return page.Data.Select(e =>
        {
            var a = e.Attributes ?? new NaiveSessionAttributes();
            var (action, name) = OperationCodes.Lookup(a.Operation);
            var details = new Dictionary<string, AuditValue>();
            AddText(details, "protocol", a.Protocol);
            AddText(details, "sessionId", a.SessionId);
            AddText(details, "status", a.Status);
            AddText(details, "fileSource", a.FileSource);
            if (a.BytesTransferred is { } bytes)
            {
                details["bytesTransferred"] = bytes;
            }

            if (a.Duration is { } duration)
            {
                details["duration"] = duration;
            }

            return new AuditEvent
            {
                Source = "exavault",
                Vendor = "exavault",
                Stream = "session",
                SourceId = e.Id.ToString(CultureInfo.InvariantCulture),
                Time = Instant.FromDateTimeOffset(a.Created),
                Offset = Offset.FromTimeSpan(a.Created.Offset),
                Category = AuditActions.All[action],
                Action = action,
                Outcome = SessionPageParser.OutcomeOf(action, a.Status),
                Actor = string.IsNullOrEmpty(a.Username) ? AuditActor.Unknown : new AuditActor(null, a.Username, a.Username),
                Ip = Empty(a.IpAddress),
                Resource = Empty(a.FileName),
                VendorAction = a.Operation ?? string.Empty,
                VendorActionName = name,
                Details = new AuditDetails(details),
            };
        }).ToList();
    }

    public static List<AuditEvent> Webhooks(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var page = JsonSerializer.Deserialize<NaiveExaVaultPage<NaiveWebhookAttributes>>(text, Options)!;
        return page.Data.Select(e =>
        {
            var a = e.Attributes ?? new NaiveWebhookAttributes();
            var details = new Dictionary<string, AuditValue>();
            AddText(details, "endpointUrl", a.EndpointUrl);
            if (a.Status is { } status)
            {
                details["status"] = status;
            }

            AddText(details, "response", a.Response);
            AddText(details, "attemptId", a.AttemptId);
            if (a.Resend is { } resend)
            {
                details["resend"] = resend;
            }

            if (a.WebhookId is { } webhookId)
            {
                details["webhookId"] = webhookId;
            }

            AddText(details, "webhookPath", a.WebhookPath);
            AddText(details, "accountId", a.AccountId);
            AddText(details, "webhookFormat", a.WebhookFormat);
            var inner = a.Details is { ValueKind: JsonValueKind.Object } d ? d : default;
            if (inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("protocol", out var protocol))
            {
                details["protocol"] = AuditValue.FromJsonElement(protocol);
            }

            if (a.Details is { } raw)
            {
                details["details"] = AuditValue.FromJsonElement(raw);
            }

            return new AuditEvent
            {
                Source = "exavault",
                Vendor = "exavault",
                Stream = "webhook",
                SourceId = e.Id.ToString(CultureInfo.InvariantCulture),
                Time = Instant.FromDateTimeOffset(a.Created),
                Offset = Offset.FromTimeSpan(a.Created.Offset),
                Category = AuditCategory.Webhook,
                Action = AuditActions.WebhookDelivery,
                Outcome = a.Status is null ? AuditOutcome.Unknown : a.Status is >= 200 and < 300 ? AuditOutcome.Success : AuditOutcome.Failure,
                Actor = string.IsNullOrEmpty(a.Username) ? AuditActor.Unknown : new AuditActor(null, a.Username, a.Username),
                Ip = Empty(a.IpAddress),
                Resource = Empty(a.ResourcePath),
                VendorAction = a.Event ?? string.Empty,
                Details = new AuditDetails(details),
            };
        }).ToList();
    }

    private static void AddText(Dictionary<string, AuditValue> details, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            details[key] = value;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? JoinNonBlank(string separator, params string?[] parts)
    {
        var joined = string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return joined.Length == 0 ? null : joined;
    }
}
