using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuditAggregator.Simulators.Hosting.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>Writes DocSpace bodies straight to the response with <see cref="Utf8JsonWriter"/>.</summary>
internal static class DocSpaceWriter
{
    private const string JsonType = "application/json; charset=utf-8";

    /// <summary>Reads the framework-wide <c>fields</c> query parameter, which prunes the items' properties (null: keep all).</summary>
    public static HashSet<string>? ReadFields(HttpRequest request)
    {
        var value = request.Query["fields"].ToString();
        return string.IsNullOrWhiteSpace(value)
            ? null
            : new HashSet<string>(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
    }

    public static string FormatDate(DateTimeOffset time, TimeSpan offset)
    {
        Span<char> buffer = stackalloc char[33];
        return new string(buffer[..FormatDate(time, offset, buffer)]);
    }

    /// <summary>Writes the portal-local <c>yyyy-MM-ddTHH:mm:ss.fffffff</c> and <c>Z</c> or <c>+hh:mm</c> (33 chars at most).</summary>
    public static int FormatDate(DateTimeOffset time, TimeSpan offset, Span<char> buffer)
    {
        var local = time.ToOffset(offset);
        local.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        if (offset == TimeSpan.Zero)
        {
            buffer[written] = 'Z';
            return written + 1;
        }

        local.TryFormat(buffer[written..], out var zone, "zzz", CultureInfo.InvariantCulture);
        return written + zone;
    }

    public static async Task WriteLoginPageAsync(HttpContext context, IReadOnlyList<LoginEntry> items, TimeSpan offset, ISet<string>? fields)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonType;
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("response");
            foreach (var item in items)
            {
                WriteItem(writer, item, offset, fields);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", items.Count);
            WriteTail(writer, context, 0, 200);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteEnvelopeAsync<T>(HttpContext context, int statusCode, int status, T? response, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonType;
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonWriting.Options))
        {
            writer.WriteStartObject();
            if (response is not null)
            {
                writer.WritePropertyName("response");
                JsonSerializer.Serialize(writer, response, typeInfo);
            }

            writer.WriteNumber("count", response is null ? 0 : 1);
            WriteTail(writer, context, status, statusCode);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteStringEnvelopeAsync(HttpContext context, string response)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonType;
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("response", response);
            writer.WriteNumber("count", 1);
            WriteTail(writer, context, 0, 200);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A parameter-validation 400 comes wrapped in the success envelope, with status 1 and problem details.</summary>
    public static Task WriteBadRequestAsync(HttpContext context, string parameter, string value)
    {
        var problem = new ProblemDetailsBody
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [parameter] = [string.Create(CultureInfo.InvariantCulture, $"The value '{value}' is not valid for {parameter}.")],
            },
            TraceId = "00-" + context.TraceIdentifier.Replace(':', '0').PadRight(32, '0')[..32] + "-0000000000000000-00",
        };
        return WriteEnvelopeAsync(context, 400, 1, problem, DocSpaceJsonContext.Default.ProblemDetailsBody);
    }

    public static async Task WriteErrorAsync(HttpContext context, int statusCode, string message, string type)
    {
        var body = new DocSpaceErrorBody
        {
            StatusCode = statusCode,
            Error = new DocSpaceErrorDetail
            {
                Message = message,
                Type = type,
                Stack = "   at ASC.Web.Api.Controllers.Settings.LoginHistoryController.GetLoginEventsByFilterAsync()\n   at lambda_method(Closure, Object)",
                Hresult = -2146233088,
            },
        };
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonType;
        await JsonWriting.SerializeAsync(context, body, DocSpaceJsonContext.Default.DocSpaceErrorBody).ConfigureAwait(false);
    }

    public static void WriteTail(Utf8JsonWriter writer, HttpContext context, int status, int statusCode)
    {
        writer.WriteStartArray("links");
        writer.WriteStartObject();
        writer.WriteString("href", context.Request.GetEncodedUrl());
        writer.WriteString("action", context.Request.Method);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("status", status);
        writer.WriteNumber("statusCode", statusCode);
    }

    private static void WriteItem(Utf8JsonWriter writer, LoginEntry item, TimeSpan offset, ISet<string>? fields)
    {
        writer.WriteStartObject();
        if (Wanted(fields, "id"))
        {
            writer.WriteNumber("id", item.Id);
        }

        if (Wanted(fields, "date"))
        {
            Span<char> buffer = stackalloc char[33];
            writer.WriteString("date", buffer[..FormatDate(item.Time, offset, buffer)]);
        }

        WriteOptional(writer, fields, "user", item.User);
        if (Wanted(fields, "userId"))
        {
            writer.WriteString("userId", item.UserId);
        }

        WriteOptional(writer, fields, "login", item.Login);
        WriteOptional(writer, fields, "action", item.Action);
        if (Wanted(fields, "actionId"))
        {
            writer.WriteNumber("actionId", item.ActionId);
        }

        WriteOptional(writer, fields, "ip", item.Ip);
        WriteOptional(writer, fields, "country", item.Country);
        WriteOptional(writer, fields, "city", item.City);
        WriteOptional(writer, fields, "browser", item.Browser);
        WriteOptional(writer, fields, "platform", item.Platform);
        WriteOptional(writer, fields, "page", item.Page);
        writer.WriteEndObject();
    }

    public static void WriteOptional(Utf8JsonWriter writer, ISet<string>? fields, string name, string? value)
    {
        if (value is not null && Wanted(fields, name))
        {
            writer.WriteString(name, value);
        }
    }

    public static bool Wanted(ISet<string>? fields, string name) => fields is null || fields.Contains(name);
}
