using System.Text.Json.Serialization;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>Source-generated JSON for the console's own records.</summary>
[JsonSerializable(typeof(SinkState))]
internal sealed partial class ConsoleJsonContext : JsonSerializerContext;
