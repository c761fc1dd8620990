using System.Text.Json;

namespace AuditAggregator.Hosting.Internal;

/// <summary>
/// Reads the whole file: its JSON, the <c>sources</c> array and each entry, collecting every error and warning
/// rather than stopping at the first, and keeping source names unique.
/// </summary>
internal sealed class SourcesFileParser(string path, Func<string, string?> variables)
{
    private const string SourcesKey = "sources";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public List<AuditSourcesFileDiagnostic> Errors { get; } = [];

    public List<AuditSourcesFileDiagnostic> Warnings { get; } = [];

    public Func<string, string?> Variables => variables;

    public List<AuditSourceDefinition> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The exception's own message may quote the file's text; only the place is repeated.
            Error(null, null, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            return [];
        }

        using (document)
        {
            return ReadRoot(document.RootElement);
        }
    }

    public void Error(string? source, string? key, string description) => Errors.Add(new AuditSourcesFileDiagnostic(path, source, key, description));

    public void Warn(string? source, string? key, string description) => Warnings.Add(new AuditSourcesFileDiagnostic(path, source, key, description));

    private List<AuditSourceDefinition> ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error(null, null, """must hold one object, {"sources": [ ... ]}.""");
            return [];
        }

        JsonElement? sources = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == SourcesKey && sources is null)
            {
                sources = property.Value;
            }
            else if (property.Name != "$schema")
            {
                Error(null, property.Name, property.Name == SourcesKey ? "is given twice." : """is not a key of the file; it holds only "sources".""");
            }
        }

        if (sources is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            Error(null, SourcesKey, "must be a non-empty array of sources.");
            return [];
        }

        var definitions = new List<AuditSourceDefinition>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            index++;
            var reader = new SourceEntryReader(this, entry, index);
            var definition = reader.Read();
            if (reader.Name is { } name && !positions.TryAdd(name, index))
            {
                Error(name, SourceKeys.Name, $"is used by source #{positions[name]} and #{index}; every source needs a name of its own, across vendors.");
            }
            else if (definition is not null)
            {
                definitions.Add(definition);
            }
        }

        return definitions;
    }
}
