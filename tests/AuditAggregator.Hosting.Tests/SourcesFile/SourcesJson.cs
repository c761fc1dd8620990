namespace AuditAggregator.Hosting.Tests.SourcesFile;

/// <summary>Builds sources files and a private environment for them, so tests never touch the process's variables.</summary>
internal static class SourcesJson
{
    public const string FileName = "sources.json";

    public static Dictionary<string, string> Variables() => new(StringComparer.Ordinal)
    {
        ["ACME_DOCSPACE_TOKEN"] = "sk-acme-docspace-secret",
        ["ACME_EV_KEY"] = "acme-ev-key-secret",
        ["ACME_EV_TOKEN"] = "acme-ev-token-secret",
    };

    public static AuditSourcesFile Parse(string json, IReadOnlyDictionary<string, string>? variables = null)
    {
        var env = variables ?? Variables();
        return AuditSourcesFile.Parse(json, FileName, name => env.GetValueOrDefault(name));
    }

    public static AuditSourcesFileException Fails(string json, IReadOnlyDictionary<string, string>? variables = null) =>
        Assert.Throws<AuditSourcesFileException>(() => Parse(json, variables));

    /// <summary>One source's JSON object from its keys, with name, vendor and url filled in unless given.</summary>
    public static string Source(string vendor, string extra, string name = "acme", string url = "https://acme.example.com") =>
        $$"""{ "name": "{{name}}", "vendor": "{{vendor}}", "url": "{{url}}"{{(extra.Length > 0 ? ", " + extra : string.Empty)}} }""";

    public static string File(params string[] sources) => $$"""{ "sources": [ {{string.Join(", ", sources)}} ] }""";

    public static string DocSpaceEntry(string extra = "\"token\": \"${ACME_DOCSPACE_TOKEN}\"", string name = "acme", string url = "https://acme.example.com") =>
        Source("docspace", extra, name, url);

    public static string ExaVaultEntry(string extra = "\"apiKey\": \"${ACME_EV_KEY}\", \"accessToken\": \"${ACME_EV_TOKEN}\"", string name = "acme-ev", string url = "https://acme.exavault.com") =>
        Source("exavault", extra, name, url);
}
