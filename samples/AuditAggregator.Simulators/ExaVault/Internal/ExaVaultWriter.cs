using System.Globalization;
using System.Text.Json;
using AuditAggregator.Simulators.Hosting.Internal;
using Microsoft.AspNetCore.Http;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>Writes ExaVault bodies straight to the response with <see cref="Utf8JsonWriter"/>, flushing as it goes.</summary>
internal static class ExaVaultWriter
{
    private const string JsonType = "application/json; charset=utf-8";
    private const int FlushEvery = 200;

    public static string FormatTime(DateTimeOffset time, TimeSpan offset)
    {
        Span<char> buffer = stackalloc char[25];
        return new string(buffer[..FormatTime(time, offset, buffer)]);
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss</c> and <c>Z</c> or <c>+hh:mm</c> into <paramref name="buffer"/> (25 chars).</summary>
    public static int FormatTime(DateTimeOffset time, TimeSpan offset, Span<char> buffer)
    {
        var local = time.ToOffset(offset);
        local.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (offset == TimeSpan.Zero)
        {
            buffer[written] = 'Z';
            return written + 1;
        }

        local.TryFormat(buffer[written..], out var zone, "zzz", CultureInfo.InvariantCulture);
        return written + zone;
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset time, TimeSpan offset)
    {
        Span<char> buffer = stackalloc char[25];
        writer.WriteString(name, buffer[..FormatTime(time, offset, buffer)]);
    }

    public static async Task WritePageAsync<T>(HttpContext context, string type, IReadOnlyList<T> entries, Action<Utf8JsonWriter, T> writeAttributes, Func<T, long> id)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonType;
        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, JsonWriting.Options);
        writer.WriteStartObject();
        writer.WriteNumber("responseStatus", 200);
        writer.WriteNumber("totalResults", 0);
        writer.WriteNumber("returnedResults", entries.Count);
        writer.WriteStartArray("data");
        for (var i = 0; i < entries.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteNumber("id", id(entries[i]));
            writer.WritePropertyName("attributes");
            writeAttributes(writer, entries[i]);
            writer.WriteEndObject();
            if (i % FlushEvery == FlushEvery - 1)
            {
                writer.Flush();
                await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static void WriteSession(Utf8JsonWriter writer, SessionEntry entry, TimeSpan offset)
    {
        writer.WriteStartObject();
        WriteTime(writer, "created", entry.Created, offset);
        writer.WriteString("sessionId", entry.SessionId);
        writer.WriteString("ipAddress", entry.IpAddress);
        writer.WriteString("username", entry.Username);
        writer.WriteString("operation", entry.Operation);
        if (entry.Protocol is not null)
        {
            writer.WriteString("protocol", entry.Protocol);
        }

        writer.WriteString("status", entry.Status);
        writer.WriteString("fileName", entry.FileName);
        writer.WriteString("fileSource", entry.FileSource);
        writer.WriteNumber("bytesTransferred", entry.BytesTransferred);
        if (entry.Duration is { } duration)
        {
            writer.WriteNumber("duration", duration);
        }

        writer.WriteEndObject();
    }

    public static void WriteWebhook(Utf8JsonWriter writer, WebhookEntry entry, TimeSpan offset, string accountName)
    {
        var created = FormatTime(entry.Created, offset);
        writer.WriteStartObject();
        writer.WriteNumber("webhookId", entry.Webhook.Id);
        writer.WriteString("webhookFormat", entry.Webhook.Format);
        writer.WriteString("webhookPath", entry.Webhook.Path);
        writer.WriteString("accountId", "7");
        writer.WriteString("attemptId", entry.AttemptId);
        writer.WriteBoolean("resend", entry.Resend);
        writer.WriteString("created", created);
        writer.WriteString("endpointUrl", entry.Webhook.EndpointUrl);
        writer.WriteString("event", entry.Event);
        writer.WriteNumber("status", entry.Status);
        writer.WriteString("response", entry.Response);
        writer.WriteString("ipAddress", entry.IpAddress);
        writer.WriteString("resourcePath", entry.ResourcePath);
        writer.WriteString("username", entry.Username);
        writer.WriteStartObject("details");
        writer.WriteString("accountName", accountName);
        if (entry.Webhook.Format == "v1")
        {
            writer.WriteNumber("attempt", entry.Attempt);
            writer.WriteString("attemptId", entry.AttemptId);
            writer.WriteString("event", entry.Event);
            writer.WriteString("protocol", entry.Protocol);
            writer.WriteString("username", entry.Username);
        }
        else
        {
            writer.WriteString("attemptId", entry.AttemptId);
            writer.WriteString("event", entry.Event);
            writer.WriteString("eventTimestamp", FormatTime(entry.Created.AddSeconds(-1), offset));
            writer.WriteString("ipAddress", entry.IpAddress);
            writer.WriteString("protocol", entry.Protocol);
            writer.WriteString("username", entry.Username);
            WriteEventData(writer, entry, offset);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static async Task WriteErrorAsync(HttpContext context, int statusCode, string code, string detail)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonType;
        var body = new ExaVaultErrorBody { ResponseStatus = statusCode, Errors = [new ExaVaultError { Code = code, Detail = detail }] };
        await JsonWriting.SerializeAsync(context, body, ExaVaultJsonContext.Default.ExaVaultErrorBody).ConfigureAwait(false);
    }

    private static void WriteEventData(Utf8JsonWriter writer, WebhookEntry entry, TimeSpan offset)
    {
        var at = FormatTime(entry.Created.AddSeconds(-1), offset);
        var name = entry.ResourcePath[(entry.ResourcePath.LastIndexOf('/') + 1)..];
        writer.WriteStartObject("eventData");
        if (entry.Event == "shares.formSubmit")
        {
            writer.WriteStartArray("formDetails");
            writer.WriteStartObject();
            writer.WriteString("name", "Company");
            writer.WriteString("value", "Example Partners Ltd");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("share");
            writer.WriteStartObject();
            writer.WriteNumber("id", 3_544_253);
            writer.WriteString("name", "Partner uploads");
            writer.WriteString("type", "receive");
            writer.WriteString("hash", entry.ResourceHash[..8]);
            writer.WriteNumber("status", 1);
            writer.WriteBoolean("isPublic", true);
            writer.WriteBoolean("hasPassword", false);
            writer.WriteStartArray("paths");
            writer.WriteStringValue(entry.ResourcePath);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartArray("resources");
            writer.WriteStartObject();
            writer.WriteNumber("id", entry.ResourceId);
            writer.WriteString("hash", entry.ResourceHash);
            writer.WriteString("name", name);
            writer.WriteString("path", entry.ResourcePath);
            writer.WriteString("type", entry.IsFolder ? "dir" : "file");
            writer.WriteNumber("size", entry.Size);
            if (entry.IsFolder)
            {
                writer.WriteNumber("fileCount", entry.FileCount);
            }
            else
            {
                // As the vendor's own example: null for a file, although the schema does not mark it nullable.
                writer.WriteNull("fileCount");
            }

            writer.WriteBoolean("previewable", !entry.IsFolder && (name.EndsWith(".png", StringComparison.Ordinal) || name.EndsWith(".pdf", StringComparison.Ordinal)));
            writer.WriteString("createdBy", entry.Username);
            writer.WriteString("createdAt", at);
            writer.WriteString("updatedAt", at);
            writer.WriteString("uploadDate", at);
            writer.WriteString("accessedAt", at);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (entry.Event is "resources.upload" or "resources.download")
            {
                writer.WriteString("transferStatus", entry.Status is >= 200 and < 300 || entry.Index % 7 != 0 ? "success" : "failed");
            }
        }

        writer.WriteEndObject();
    }
}
