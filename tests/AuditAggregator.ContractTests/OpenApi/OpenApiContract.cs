using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// A vendor's OpenAPI document (3.0 or 3.1) turned into what the contract tests check: operations with their
/// parameters, and NJsonSchema schemas for every declared response body.
/// </summary>
/// <remarks>
/// The document is read as published, or corrected by the <see cref="KnownDeviations"/> that carry a correction.
/// A strict contract also rejects properties that a schema does not declare, so a misspelt field in a stub or a
/// simulator fails instead of passing unnoticed (the documents allow extra properties everywhere).
/// </remarks>
internal sealed class OpenApiContract
{
    private readonly JsonObject _document;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new();

    private OpenApiContract(string name, JsonObject document, IReadOnlyList<KnownDeviation> corrections, bool strict)
    {
        Name = name;
        _document = document;
        Corrections = corrections;
        Strict = strict;
        var server = (string?)document["servers"]?[0]?["url"] ?? "";
        BasePath = Uri.TryCreate(server, UriKind.Absolute, out var serverUri) ? serverUri.AbsolutePath.TrimEnd('/') : "";
        _definitions = new JsonObject();
        foreach (var (schemaName, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            _definitions[schemaName] = Normalize(schema!.DeepClone(), Is30);
        }

        Operations = [.. ReadOperations()];
    }

    /// <summary>Gets the document's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Gets the base path of the document's first server (<c>/api/v2</c> for ExaVault).</summary>
    public string BasePath { get; }

    /// <summary>Gets the deviations whose corrections were applied.</summary>
    public IReadOnlyList<KnownDeviation> Corrections { get; }

    /// <summary>Gets a value indicating whether undeclared properties are rejected.</summary>
    public bool Strict { get; }

    /// <summary>Gets every operation of the document.</summary>
    public IReadOnlyList<OperationContract> Operations { get; }

    /// <summary>Gets the document as loaded (corrections applied).</summary>
    public JsonObject Document => _document;

    private bool Is30 => ((string?)_document["openapi"] ?? "").StartsWith("3.0", StringComparison.Ordinal);

    /// <summary>Loads a document as published, without corrections and without strictness.</summary>
    public static OpenApiContract AsPublished(string name, string path) =>
        new(name, YamlJson.Load(path).AsObject(), [], strict: false);

    /// <summary>Loads a document with the corrections of <paramref name="corrections"/> applied, strictly.</summary>
    public static OpenApiContract Corrected(string name, string path, IEnumerable<KnownDeviation> corrections)
    {
        var document = YamlJson.Load(path).AsObject();
        ArgumentNullException.ThrowIfNull(corrections);
        var applied = corrections.Where(c => c.CorrectDocument is not null).ToList();
        foreach (var correction in applied)
        {
            correction.CorrectDocument!(document);
        }

        return new(name, document, applied, strict: true);
    }

    /// <summary>Finds the operation for a request, or returns null when the document has none.</summary>
    public OperationContract? Find(string method, string path) =>
        Operations.SingleOrDefault(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && o.Path == path.TrimEnd('/'));

    /// <summary>Finds the operation for a request, failing when the document has none.</summary>
    public OperationContract Get(string method, string path) =>
        Find(method, path) ?? throw new InvalidOperationException($"{Name} declares no operation {method} {path}.");

    /// <summary>Gets the declared response body schema of <paramref name="operation"/> for <paramref name="status"/>.</summary>
    /// <returns>The schema, or null when the document declares that status without content or not at all.</returns>
    public Task<JsonSchema>? ResponseSchemaAsync(OperationContract operation, int status)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Responses.TryGetValue(status, out var schema) && schema is not null
            ? SchemaAsync($"{operation.OperationId}/{status}", schema)
            : null;
    }

    /// <summary>Gets the schema of the component <paramref name="name"/>.</summary>
    public Task<JsonSchema> ComponentSchemaAsync(string name) =>
        SchemaAsync("#" + name, new JsonObject { ["$ref"] = "#/components/schemas/" + name });

    /// <summary>Gets a schema given as JSON text, which may refer to this document's schemas as <c>#/definitions/Name</c>.</summary>
    public Task<JsonSchema> SchemaAsync(string key, string schemaJson) =>
        SchemaAsync(key, JsonNode.Parse(schemaJson)!.AsObject());

    private Task<JsonSchema> SchemaAsync(string key, JsonObject schema) =>
        _schemas.GetOrAdd(key, _ => new Lazy<Task<JsonSchema>>(() =>
        {
            var root = Normalize(schema.DeepClone(), Is30)!.AsObject();

            // NJsonSchema ignores the siblings of a root "$ref" (draft 4), definitions included: inline the target.
            while (root["$ref"] is JsonValue reference && ((string)reference!).StartsWith("#/definitions/", StringComparison.Ordinal))
            {
                var target = _definitions[((string)reference!)["#/definitions/".Length..]]
                    ?? throw new InvalidOperationException($"{Name}: unresolved reference {reference}.");
                root = target.DeepClone().AsObject();
            }

            root["definitions"] = _definitions.DeepClone();
            if (Strict)
            {
                CloseObjects(root);
            }

            return JsonSchema.FromJsonAsync(root.ToJsonString());
        })).Value;

    private IEnumerable<OperationContract> ReadOperations()
    {
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var (method, operationNode) in item.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var operation = operationNode!.AsObject();
                var parameters = shared.Concat(operation["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(p!.AsObject()))
                    .Select(p => new ParameterContract(
                        (string)p["name"]!,
                        (string)p["in"]!,
                        (bool?)p["required"] ?? false,
                        Resolve(p["schema"]?.AsObject() ?? [])))
                    .ToList();
                var responses = new Dictionary<int, JsonObject?>();
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    if (int.TryParse(status, out var code))
                    {
                        responses[code] = Resolve(response!.AsObject())["content"]?["application/json"]?["schema"]?.AsObject();
                    }
                }

                yield return new OperationContract
                {
                    Method = method.ToUpperInvariant(),
                    Path = BasePath + path,
                    OperationId = (string?)operation["operationId"] ?? $"{method} {path}",
                    Parameters = parameters,
                    Responses = responses,
                };
            }
        }
    }

    private JsonObject Resolve(JsonObject node)
    {
        while (node["$ref"] is JsonValue reference && ((string)reference!).StartsWith("#/", StringComparison.Ordinal))
        {
            JsonNode? target = _document;
            foreach (var segment in ((string)reference!)[2..].Split('/'))
            {
                target = target?[segment];
            }

            node = target?.AsObject() ?? throw new InvalidOperationException($"{Name}: unresolved reference {reference}.");
        }

        return node;
    }

    /// <summary>
    /// Turns an OpenAPI schema into the JSON Schema NJsonSchema reads: component references become
    /// <c>#/definitions/</c>, 3.0's <c>nullable</c> becomes a <c>null</c> type, and annotations are dropped.
    /// </summary>
    private static JsonNode? Normalize(JsonNode? node, bool is30)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = Normalize(array[i]?.DeepClone(), is30);
                    array[i] = item;
                }

                return array;
            case JsonObject obj:
                foreach (var annotation in new[] { "example", "examples", "discriminator", "xml", "externalDocs", "deprecated" })
                {
                    obj.Remove(annotation);
                }

                foreach (var extension in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(extension);
                }

                if (obj["$ref"] is JsonValue reference)
                {
                    obj["$ref"] = ((string)reference!).Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
                }

                if (is30 && obj["nullable"] is JsonValue nullable)
                {
                    obj.Remove("nullable");
                    if ((bool)nullable && obj["type"] is JsonValue type)
                    {
                        obj["type"] = new JsonArray((string)type!, "null");
                    }
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key is not "enum" and not "default" and not "const")
                    {
                        obj[key] = Normalize(obj[key]?.DeepClone(), is30);
                    }
                }

                return obj;
            default:
                return node;
        }
    }

    /// <summary>Rejects undeclared properties in every object schema that declares its properties.</summary>
    private static void CloseObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    CloseObjects(item);
                }

                break;
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (key, value) in obj.ToList())
                {
                    if (key is not "enum" and not "default" and not "const")
                    {
                        CloseObjects(value);
                    }
                }

                break;
        }
    }
}
