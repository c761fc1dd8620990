using System.Text.Json.Serialization;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// The state of an output file, committed atomically with the read's progress: which file, in which format, and
/// how many bytes of it hold events that were taken. On restart the file is cut back to <see cref="Length"/>.
/// </summary>
internal sealed record SinkState(
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("length")] long Length);
