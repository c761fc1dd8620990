using System.Text.Json;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Reads an identity-map file: one JSON object whose keys are DocSpace user ids or logins and whose values are
/// ExaVault usernames, for example <c>{ "alice@example.com": "alice", "3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10": "alice" }</c>.
/// </summary>
/// <remarks>
/// Keys compare ignoring case, as logins do. Two keys that differ only by case are therefore one key: mapped to the
/// same username they are accepted with a warning; mapped to different usernames the map is ambiguous and refused.
/// </remarks>
internal static class IdentityMapFile
{
    private const string Option = ConsoleOptions.IdentityMap;

    public static IReadOnlyDictionary<string, string> Load(string path, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var spelling = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(ReadAll(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
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

                var key = property.Name.Trim();
                var username = property.Value.GetString()!.Trim();
                if (map.TryGetValue(key, out var earlier))
                {
                    var first = spelling[key];
                    if (!string.Equals(earlier, username, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new BadArgumentException(Option, $"'{path}': \"{first}\" and \"{key}\" are the same key (keys ignore case) but map to \"{earlier}\" and \"{username}\"; keep one.");
                    }

                    warnings.Add($"{Option}: '{path}': \"{first}\" and \"{key}\" are the same key (keys ignore case); both map to \"{earlier}\", so it is used once.");
                    continue;
                }

                map[key] = username;
                spelling[key] = key;
            }
        }
        catch (JsonException ex)
        {
            throw new BadArgumentException(Option, $"'{path}' is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        return map;
    }

    private static byte[] ReadAll(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BadArgumentException(Option, $"'{path}' is a directory; give the path of a JSON file.");
        }

        if (!File.Exists(path))
        {
            throw new BadArgumentException(Option, $"'{path}' does not exist.");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadArgumentException(Option, $"cannot read '{path}': {ex.Message}", ex);
        }
    }
}
