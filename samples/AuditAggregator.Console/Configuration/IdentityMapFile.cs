using System.Text.Json;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Reads an identity-map file: one JSON object whose keys are DocSpace user ids or logins and whose values are
/// ExaVault usernames, for example <c>{ "alice@example.com": "alice", "3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10": "alice" }</c>.
/// Keys compare ignoring case.
/// </summary>
internal static class IdentityMapFile
{
    private const string Option = "--identity-map";

    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadArgumentException(Option, $"cannot read '{path}': {ex.Message}", ex);
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BadArgumentException(Option, $"'{path}' must hold one JSON object: {{ \"docspace id or login\": \"exavault username\" }}.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    throw new BadArgumentException(Option, $"'{path}': the value of \"{property.Name}\" must be an ExaVault username (a non-empty string).");
                }

                map[property.Name.Trim()] = property.Value.GetString()!.Trim();
            }
        }
        catch (JsonException ex)
        {
            throw new BadArgumentException(Option, $"'{path}' is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        return map;
    }
}
