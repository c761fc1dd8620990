using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// The documented JSON form's escaping: <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, so that offsets read
/// <c>"+03:00"</c>, not <c>"\u002B03:00"</c>. The output is data, never embedded in HTML.
/// </summary>
internal static class RelaxedJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = Encoder };

    public static readonly AuditJsonContext Context = new(new JsonSerializerOptions(AuditJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Determines whether a writer escapes as the documented form does and writes no whitespace.</summary>
    public static bool IsCompactRelaxed(Utf8JsonWriter writer) =>
        ReferenceEquals(writer.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) && !writer.Options.Indented;
}
