using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace AuditAggregator.Simulators.Tests.Contracts;

/// <summary>
/// Loads a component schema of a vendor OpenAPI document (linked into Fixtures/ from the contract tests' Contracts/
/// folder) as a JSON Schema that NJsonSchema can validate bodies against.
/// </summary>
internal static class ContractSchema
{
    public static async Task<JsonSchema> LoadAsync(string fixture, string component, Action<JsonObject>? patch = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts", "Fixtures", fixture);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var document = (JsonObject)ToJson(yaml.Documents[0].RootNode)!;
        var schemas = document["components"]!["schemas"]!.DeepClone().AsObject();
        patch?.Invoke(schemas);
        var root = new JsonObject
        {
            ["$ref"] = "#/definitions/" + component,
            ["definitions"] = schemas,
        };
        var json = root.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        return await JsonSchema.FromJsonAsync(json);
    }

    public static IReadOnlyList<string> Validate(JsonSchema schema, string body) =>
        schema.Validate(body).Select(e => e.ToString()).ToList();

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "null" or "~" or "" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Contains('.', StringComparison.Ordinal) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }
}
