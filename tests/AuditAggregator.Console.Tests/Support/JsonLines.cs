using System.Text.Json;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>Reads JSON Lines output.</summary>
internal static class JsonLines
{
    public static List<JsonElement> Parse(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public static List<string> Ids(string text) =>
        [.. Parse(text).Select(e => e.GetProperty("id").GetString()!)];
}
