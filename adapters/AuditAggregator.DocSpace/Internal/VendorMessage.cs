using System.Net;
using System.Text;
using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Extracts the one human-readable message of an error body, and nothing else.
/// </summary>
internal static class VendorMessage
{
    public static string? Extract(ReadOnlySpan<byte> body, out bool parsedEnvelope)
    {
        parsedEnvelope = false;
        if (body.IsEmpty)
        {
            return null;
        }

        ErrorEnvelope? envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize(body, DocSpaceJsonContext.Default.ErrorEnvelope);
        }
        catch (JsonException)
        {
        }

        if (envelope is not null)
        {
            parsedEnvelope = true;
            return FromEnvelope(envelope).Message;
        }

        return HtmlTitle(Encoding.UTF8.GetString(body));
    }

    public static ErrorEnvelopeInfo FromEnvelope(ErrorEnvelope envelope)
    {
        var message = envelope.Error?.Message;
        if (string.IsNullOrWhiteSpace(message) && envelope.Response.ValueKind == JsonValueKind.Object)
        {
            message = FromProblemDetails(envelope.Response);
        }

        return new ErrorEnvelopeInfo(envelope.StatusCode, string.IsNullOrWhiteSpace(message) ? null : message);
    }

    /// <summary>
    /// Reads an ASP.NET problem-details object: its title, then each field error as <c>field: message</c>.
    /// </summary>
    private static string? FromProblemDetails(JsonElement problem)
    {
        var builder = new StringBuilder();
        if (problem.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            builder.Append(title.GetString());
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var text in field.Value.EnumerateArray())
                {
                    if (text.ValueKind == JsonValueKind.String)
                    {
                        builder.Append(builder.Length == 0 ? string.Empty : " ").Append(field.Name).Append(": ").Append(text.GetString());
                    }
                }
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>
    /// Gets the title of an HTML page (a proxy's 502 page), decoded and on one line; otherwise nothing of the body.
    /// </summary>
    private static string? HtmlTitle(string text)
    {
        var start = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += "<title>".Length;
        var end = text.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        if (end < 0 || end - start > 200)
        {
            return null;
        }

        var title = WebUtility.HtmlDecode(text[start..end]).ReplaceLineEndings(" ").Trim();
        return title.Length == 0 ? null : title;
    }
}
