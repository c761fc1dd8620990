using System.Text.Json;
using NodaTime.Text;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format ecs</c>: each event as one Elastic Common Schema document per line (<c>@timestamp</c>,
/// <c>event.*</c>, <c>user.*</c>, <c>source.ip</c>, <c>file.path</c>, <c>user_agent.original</c>, the product in
/// <c>observer.vendor</c>/<c>observer.product</c> and the account, the source's name, in <c>cloud.account.id</c>);
/// the rest of the record under the custom field set <c>auditaggregator</c>.
/// </summary>
internal sealed class EcsEventWriter(TextWriter output) : IEventWriter
{
    private readonly JsonLine _line = new();

    public void Write(AuditEvent auditEvent) => _line.Write(output, json => WriteDocument(json, auditEvent));

    public void Flush() => output.Flush();

    public void Complete() => Flush();

    private static void WriteDocument(Utf8JsonWriter json, AuditEvent e)
    {
        var (categories, types) = EcsClassifier.Classify(e);
        json.WriteStartObject();
        json.WriteString("@timestamp", InstantPattern.ExtendedIso.Format(e.Time));
        json.WriteString("message", e.VendorActionName ?? e.Action);

        json.WriteStartObject("event");
        json.WriteString("kind", "event");
        WriteArray(json, "category", categories);
        WriteArray(json, "type", types);
        json.WriteString("outcome", Names.Of(e.Outcome));
        json.WriteString("action", e.Action);
        json.WriteString("id", e.Id);
        json.WriteString("provider", e.Vendor);
        json.WriteString("dataset", $"{e.Vendor}.{e.Stream}");
        json.WriteString("code", e.VendorAction);
        json.WriteEndObject();

        // The product that recorded the event, and the account (the configured source) it was recorded in.
        var product = VendorProduct.Of(e.Vendor);
        json.WriteStartObject("observer");
        json.WriteString("vendor", product.Maker);
        json.WriteString("product", product.Product);
        json.WriteEndObject();
        json.WriteStartObject("cloud");
        json.WriteStartObject("account");
        json.WriteString("id", e.Source);
        json.WriteEndObject();
        json.WriteEndObject();

        var actor = e.Actor;
        if (actor.Id is not null || actor.Name is not null || actor.Login is not null)
        {
            json.WriteStartObject("user");
            if (actor.Id is { } id)
            {
                json.WriteString("id", id);
            }

            if ((actor.Login ?? actor.Name) is { } name)
            {
                json.WriteString("name", name);
            }

            if (actor.Name is { } fullName && actor.Name != actor.Login)
            {
                json.WriteString("full_name", fullName);
            }

            if (actor.Login is { } login && login.Contains('@', StringComparison.Ordinal))
            {
                json.WriteString("email", login);
            }

            json.WriteEndObject();
        }

        if (e.Ip is { } ip)
        {
            json.WriteStartObject("source");

            // source.ip is an ip field: a DocSpace IPv6 address cut at the first colon is kept as the address only.
            json.WriteString(IpAddressText.IsComplete(ip) ? "ip" : "address", ip);
            json.WriteEndObject();
        }

        if (e.Resource is { } path && e.Category is AuditCategory.File or AuditCategory.Sharing)
        {
            json.WriteStartObject("file");
            json.WriteString("path", path);
            json.WriteString("name", OcsfEventWriter.FileName(path));
            json.WriteEndObject();
        }

        if (e.UserAgent is { } userAgent)
        {
            json.WriteStartObject("user_agent");
            json.WriteString("original", userAgent);
            json.WriteEndObject();
        }

        json.WriteStartObject("auditaggregator");
        json.WriteString("stream", e.Stream);
        json.WriteString("category", Names.Of(e.Category));
        if (e.Location is { } location)
        {
            json.WriteString("location", location);
        }

        if (e.Resource is { } resource)
        {
            json.WriteString("resource", resource);
        }

        json.WritePropertyName("details");
        JsonSerializer.Serialize(json, e.Details, Serialization.AuditJsonContext.Default.AuditDetails);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, string[] values)
    {
        if (values.Length == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
