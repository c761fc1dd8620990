using System.Text.Json;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format ocsf</c>: each event as one OCSF 1.1 event per line, a mapping of the record (class from
/// <see cref="OcsfClassifier"/>; <c>status_id</c> 1 success, 2 failure, 0 unknown; <c>time</c> in epoch
/// milliseconds). The product is the vendor's (<c>metadata.product</c>), the account is the source's name
/// (<c>metadata.tenant_uid</c>). What has no OCSF home (details, location) goes into <c>unmapped</c>.
/// </summary>
internal sealed class OcsfEventWriter(TextWriter output) : IEventWriter
{
    private readonly JsonLine _line = new();

    public void Write(AuditEvent auditEvent) => _line.Write(output, json => WriteEvent(json, auditEvent));

    public void Flush() => output.Flush();

    public void Complete() => Flush();

    private static void WriteEvent(Utf8JsonWriter json, AuditEvent e)
    {
        var ocsf = OcsfClassifier.Classify(e);
        json.WriteStartObject();
        json.WriteNumber("class_uid", ocsf.ClassUid);
        json.WriteString("class_name", ocsf.ClassName);
        json.WriteNumber("category_uid", ocsf.CategoryUid);
        json.WriteString("category_name", ocsf.CategoryName);
        json.WriteNumber("activity_id", ocsf.ActivityId);
        json.WriteString("activity_name", ocsf.ActivityId == 99 ? e.Action : ocsf.ActivityName);
        json.WriteNumber("type_uid", ocsf.TypeUid);
        json.WriteNumber("time", e.Time.ToUnixTimeMilliseconds());
        json.WriteNumber("severity_id", 1);
        json.WriteString("severity", "Informational");
        var (statusId, status) = e.Outcome switch
        {
            AuditOutcome.Success => (1, "Success"),
            AuditOutcome.Failure => (2, "Failure"),
            _ => (0, "Unknown"),
        };
        json.WriteNumber("status_id", statusId);
        json.WriteString("status", status);
        json.WriteString("message", e.VendorActionName ?? e.Action);

        json.WriteStartObject("metadata");
        json.WriteString("version", "1.1.0");
        json.WriteString("uid", e.Id);
        json.WriteString("log_name", e.Stream);
        json.WriteString("event_code", e.VendorAction);
        json.WriteStartObject("product");
        var product = VendorProduct.Of(e.Vendor);
        json.WriteString("name", product.Product);
        json.WriteString("vendor_name", product.Maker);
        json.WriteEndObject();

        // The account the event came from: one tenant of the product per configured source.
        json.WriteString("tenant_uid", e.Source);
        json.WriteEndObject();

        if (ocsf.ClassUid is 3002 or 3001)
        {
            // Authentication and Account Change name the user at the top level (for 3001 the acting user: the
            // vendors do not say whose account changed).
            WriteUser(json, "user", e.Actor);
        }

        json.WriteStartObject("actor");
        WriteUser(json, "user", e.Actor);
        json.WriteEndObject();

        if (e.Ip is { } ip)
        {
            json.WriteStartObject("src_endpoint");
            if (IpAddressText.IsComplete(ip))
            {
                json.WriteString("ip", ip);
            }
            else
            {
                // DocSpace cuts IPv6 addresses at the first colon: not an ip_t, so keep it as a name.
                json.WriteString("name", ip);
            }

            json.WriteEndObject();
        }

        if (ocsf.ClassUid == 6006 && e.Resource is { } path)
        {
            json.WriteStartObject("file");
            json.WriteString("path", path);
            json.WriteString("name", FileName(path));
            json.WriteNumber("type_id", e.Action == AuditActions.CreateFolder ? 2 : 1);
            json.WriteEndObject();
        }

        if (e.UserAgent is { } userAgent)
        {
            json.WriteStartObject("http_request");
            json.WriteString("user_agent", userAgent);
            json.WriteEndObject();
        }

        json.WriteStartObject("unmapped");
        json.WriteString("source", e.Source);
        json.WriteString("vendor", e.Vendor);
        json.WriteString("action", e.Action);
        if (e.Location is { } location)
        {
            json.WriteString("location", location);
        }

        if (ocsf.ClassUid != 6006 && e.Resource is { } resource)
        {
            json.WriteString("resource", resource);
        }

        json.WritePropertyName("details");
        JsonSerializer.Serialize(json, e.Details, Serialization.AuditJsonContext.Default.AuditDetails);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter json, string name, AuditActor actor)
    {
        json.WriteStartObject(name);
        if (actor.Id is { } id)
        {
            json.WriteString("uid", id);
        }

        if ((actor.Login ?? actor.Name) is { } userName)
        {
            json.WriteString("name", userName);
        }

        if (actor.Name is { } fullName && actor.Name != actor.Login)
        {
            json.WriteString("full_name", fullName);
        }

        if (actor.Login is { } login && login.Contains('@', StringComparison.Ordinal))
        {
            json.WriteString("email_addr", login);
        }

        json.WriteEndObject();
    }

    internal static string FileName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }
}
