using System.Text.Json.Nodes;
using AuditAggregator.ContractTests.Stubs;

namespace AuditAggregator.ContractTests;

/// <summary>
/// No stub mapping holds a field the converter would drop: a new field in a mapping fails here, naming the file,
/// the mapping and the field, until <see cref="StubMappingConverter"/> handles it.
/// </summary>
public sealed class StubMappingFieldsTests
{
    [Fact]
    public void StubMappingFiles_HoldOnlyFieldsTheConverterHandles()
    {
        var stubs = StubMapping.LoadAll();

        var unsupported = stubs.SelectMany(s => StubMappingFields.Unsupported(s.Json).Select(field => $"{s}: {field}")).ToList();

        Assert.NotEmpty(stubs);
        Assert.True(unsupported.Count == 0, "Fields the stub mapping converter does not handle:\n" + string.Join('\n', unsupported));
    }

    [Fact]
    public void Unsupported_FieldsWireMockKnowsButTheConverterNot_AreEachNamed()
    {
        var mapping = Parse("""
            {
              "name": "n", "persistent": true,
              "request": { "method": "GET", "urlPath": "/p", "bodyPatterns": [], "basicAuthCredentials": {},
                           "headers": { "X-A": { "contains": "a" } }, "queryParameters": { "q": { "equalTo": "1", "caseInsensitive": true } } },
              "response": { "status": 200, "body": "text", "transformers": ["response-template"] }
            }
            """);

        var unsupported = StubMappingFields.Unsupported(mapping);

        Assert.Equal(
            [
                "persistent", "request.bodyPatterns", "request.basicAuthCredentials", "request.headers.X-A.contains",
                "request.queryParameters.q.caseInsensitive", "response.body", "response.transformers",
            ],
            unsupported);
    }

    [Fact]
    public void Unsupported_EverySupportedField_NamesNone()
    {
        var mapping = Parse("""
            {
              "name": "n", "priority": 1, "scenarioName": "s", "requiredScenarioState": "Started", "newScenarioState": "t",
              "metadata": { "contract": { "deviations": ["x"] }, "anything": [1, { "a": null }] },
              "request": { "method": "GET", "urlPath": "/p",
                           "queryParameters": { "q": { "equalTo": "1" }, "r": { "matches": "[0-9]+" } },
                           "headers": { "Authorization": { "equalTo": "Bearer t" }, "X-B": { "matches": "b.*" } },
                           "cookies": { "c": { "equalTo": "v" }, "d": { "matches": "w+" } } },
              "response": { "status": 200, "headers": { "Retry-After": "1" }, "jsonBody": [{ "any": { "shape": true } }],
                            "fixedDelayMilliseconds": 10 }
            }
            """);

        Assert.Empty(StubMappingFields.Unsupported(mapping));
    }

    [Theory]
    [InlineData("""{ "name": "n", "request": { "method": "GET", "urlPath": "/p", "headers": { "X": "bare value" } }, "response": {} }""", "request.headers.X")]
    [InlineData("""{ "name": "n", "request": { "method": "GET", "urlPath": "/p", "headers": "X" }, "response": {} }""", "request.headers")]
    [InlineData("""{ "name": "n", "request": { "method": "GET", "urlPath": "/p" }, "response": { "status": [200] } }""", "response.status")]
    [InlineData("""{ "name": "n", "request": { "method": "GET", "urlPath": "/p", "unknown": {} }, "response": {} }""", "request.unknown")]
    public void Unsupported_FieldOfTheWrongShape_IsNamed(string json, string field)
    {
        Assert.Equal([field], StubMappingFields.Unsupported(Parse(json)));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
