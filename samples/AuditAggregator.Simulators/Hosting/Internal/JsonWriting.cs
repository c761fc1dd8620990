using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditAggregator.Simulators.Hosting.Internal;

/// <summary>
/// Writer options for the hand-written bodies: no HTML-safe escaping, so <c>+03:00</c> and <c>&lt;html&gt;</c> go out
/// as the vendors send them rather than as <c>\u002B</c> and <c>\u003C</c>; the structure is known to be valid.
/// </summary>
internal static class JsonWriting
{
    public static JsonWriterOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Serializes a DTO through a writer with <see cref="Options"/>, straight to the response body.</summary>
    public static async Task SerializeAsync<T>(Microsoft.AspNetCore.Http.HttpContext context, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Options))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
