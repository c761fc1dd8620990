using System.Text.Json;

namespace AuditAggregator.Benchmarks.Pages;

/// <summary>
/// The floor no parser beats: one <see cref="Utf8JsonReader"/> pass over the bytes, tokenizing and validating,
/// materializing nothing.
/// </summary>
internal static class JsonFloor
{
    public static int CountTokens(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
