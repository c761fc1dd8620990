using System.Text.Json.Nodes;

namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// The fields of WireMock's JSON mapping format that <see cref="StubMappingConverter"/> turns into WireMock.Net's
/// fluent API, and a check that a mapping holds no other: a field the converter does not know would otherwise be
/// dropped without a word, and the stub would answer requests it was written to refuse.
/// </summary>
internal static class StubMappingFields
{
    /// <summary>Stands for a header, query parameter or cookie name in <see cref="Supported"/>.</summary>
    public const string AnyName = "{name}";

    /// <summary>Marks a field whose whole content is taken as it is (a JSON body, test-only metadata).</summary>
    public const string AnyContent = "*";

    /// <summary>Gets every supported field path, dot-separated from the mapping's root.</summary>
    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "name",
        "priority",
        "scenarioName",
        "requiredScenarioState",
        "newScenarioState",
        "metadata." + AnyContent,
        "request.method",
        "request.urlPath",
        $"request.queryParameters.{AnyName}.equalTo",
        $"request.queryParameters.{AnyName}.matches",
        $"request.headers.{AnyName}.equalTo",
        $"request.headers.{AnyName}.matches",
        $"request.cookies.{AnyName}.equalTo",
        $"request.cookies.{AnyName}.matches",
        "response.status",
        $"response.headers.{AnyName}",
        "response.jsonBody." + AnyContent,
        "response.fixedDelayMilliseconds",
    };

    /// <summary>The objects whose keys are names chosen by the mapping (headers, parameters, cookies).</summary>
    private static readonly HashSet<string> NamedMaps = new(StringComparer.Ordinal)
    {
        "request.queryParameters", "request.headers", "request.cookies", "response.headers",
    };

    /// <summary>The objects that hold supported fields: every dot-prefix of a supported path.</summary>
    private static readonly HashSet<string> Containers = [.. Supported.SelectMany(Prefixes)];

    /// <summary>Gets the path of every field of <paramref name="mapping"/> that is not in <see cref="Supported"/>.</summary>
    public static IReadOnlyList<string> Unsupported(JsonObject mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var found = new List<string>();
        Walk(mapping, "", "", found);
        return found;
    }

    private static void Walk(JsonObject node, string pattern, string path, List<string> found)
    {
        foreach (var (key, value) in node)
        {
            var childPattern = (pattern.Length == 0 ? "" : pattern + ".") + (NamedMaps.Contains(pattern) ? AnyName : key);
            var childPath = (path.Length == 0 ? "" : path + ".") + key;
            if (Supported.Contains(childPattern + "." + AnyContent))
            {
                continue;
            }

            var known = value is JsonObject ? Containers.Contains(childPattern) : Supported.Contains(childPattern) && value is not JsonArray;
            if (!known)
            {
                found.Add(childPath);
            }
            else if (value is JsonObject child)
            {
                Walk(child, childPattern, childPath, found);
            }
        }
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = path.IndexOf('.', dot + 1))
        {
            yield return path[..dot];
        }
    }
}
