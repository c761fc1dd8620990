using System.Diagnostics;
using System.Text.Json.Nodes;
using AuditAggregator.ContractTests.Stubs;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace AuditAggregator.ContractTests;

/// <summary>
/// The converter keeps WireMock's meaning of a JSON mapping on WireMock.Net: scenarios from <c>Started</c>,
/// whole-value regular expressions, exact and case-sensitive values, priorities, delays and bodies as written.
/// Each test runs its own server with only the mappings it adds.
/// </summary>
public sealed class StubMappingConverterTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        Logger = new WireMockNullLogger(),
    });

    private readonly HttpClient _http;

    public StubMappingConverterTests() => _http = new HttpClient { BaseAddress = new Uri(_server.Urls.Single() + "/") };

    [Fact]
    public async Task Add_ScenarioFromStarted_AnswersEachStateInTurnUntilReset()
    {
        Add("""{ "name": "first", "scenarioName": "s", "requiredScenarioState": "Started", "newScenarioState": "later", "request": { "method": "GET", "urlPath": "/s" }, "response": { "status": 429 } }""");
        Add("""{ "name": "second", "scenarioName": "s", "requiredScenarioState": "later", "request": { "method": "GET", "urlPath": "/s" }, "response": { "status": 200 } }""");

        var before = new[] { await StatusAsync("s"), await StatusAsync("s"), await StatusAsync("s") };
        _server.ResetScenarios();
        var after = await StatusAsync("s");

        Assert.Equal([429, 200, 200], before);
        Assert.Equal(429, after);
    }

    [Theory]
    [InlineData("q?offset=25", 200)]
    [InlineData("q?offset=25x", 404)]
    [InlineData("q?offset=x25", 404)]
    [InlineData("q?Offset=25", 404)]
    [InlineData("q", 404)]
    public async Task Add_QueryParameterMatches_MatchesTheWholeValueOfTheExactName(string pathAndQuery, int expected)
    {
        Add("""{ "name": "regex", "request": { "method": "GET", "urlPath": "/q", "queryParameters": { "offset": { "matches": "[0-9]+" } } }, "response": { "status": 200 } }""");

        Assert.Equal(expected, await StatusAsync(pathAndQuery));
    }

    [Theory]
    [InlineData("Authorization", "Bearer abc", 200)]
    [InlineData("authorization", "Bearer abc", 200)]
    [InlineData("Authorization", "bearer abc", 404)]
    [InlineData("Authorization", "Bearer abcd", 404)]
    public async Task Add_HeaderEqualTo_ExactValueAnyNameCase(string name, string value, int expected)
    {
        Add("""{ "name": "header", "request": { "method": "GET", "urlPath": "/h", "headers": { "Authorization": { "equalTo": "Bearer abc" } } }, "response": { "status": 200 } }""");

        Assert.Equal(expected, await StatusAsync("h", (name, value)));
    }

    [Fact]
    public async Task Add_Priority_LowerNumberWinsAndNoneCountsAsFive()
    {
        Add("""{ "name": "plain", "request": { "method": "GET", "urlPath": "/p" }, "response": { "status": 200 } }""");
        Add("""{ "name": "urgent", "priority": 1, "request": { "method": "GET", "urlPath": "/p" }, "response": { "status": 201 } }""");
        Add("""{ "name": "plain too", "request": { "method": "GET", "urlPath": "/r" }, "response": { "status": 200 } }""");
        Add("""{ "name": "fallback", "priority": 9, "request": { "method": "GET", "urlPath": "/r" }, "response": { "status": 202 } }""");

        Assert.Equal(201, await StatusAsync("p"));
        Assert.Equal(200, await StatusAsync("r"));
    }

    [Fact]
    public async Task Add_FixedDelay_AnswersNoSooner()
    {
        Add("""{ "name": "slow", "request": { "method": "GET", "urlPath": "/d" }, "response": { "status": 200, "fixedDelayMilliseconds": 400 } }""");
        Add("""{ "name": "fast", "request": { "method": "GET", "urlPath": "/f" }, "response": { "status": 200 } }""");
        await StatusAsync("f");

        var clock = Stopwatch.StartNew();
        var status = await StatusAsync("d");

        Assert.Equal(200, status);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(390), $"Answered after {clock.Elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public async Task Add_JsonBodyAndHeaders_ServedAsWrittenWithOffsetsUnescaped()
    {
        Add("""{ "name": "body", "request": { "method": "GET", "urlPath": "/b" }, "response": { "status": 200, "headers": { "Content-Type": "application/json; charset=utf-8", "Retry-After": "1" }, "jsonBody": { "date": "2025-06-02T12:00:00.0000000+03:00", "city": "Rīga" } } }""");

        using var response = await _http.GetAsync(new Uri("b", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("""{"date":"2025-06-02T12:00:00.0000000+03:00","city":"Rīga"}""", body);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    [Theory]
    [InlineData("""{ "name": "n", "request": { "method": "GET", "urlPath": "/x", "bodyPatterns": [] }, "response": {} }""", "request.bodyPatterns")]
    [InlineData("""{ "name": "n", "scenarioName": "s", "request": { "method": "GET", "urlPath": "/x" }, "response": {} }""", "requiredScenarioState")]
    [InlineData("""{ "name": "n", "scenarioName": "s", "requiredScenarioState": "a", "newScenarioState": "Started", "request": { "method": "GET", "urlPath": "/x" }, "response": {} }""", "back to Started")]
    [InlineData("""{ "name": "n", "requiredScenarioState": "a", "request": { "method": "GET", "urlPath": "/x" }, "response": {} }""", "without a scenarioName")]
    [InlineData("""{ "name": "n", "request": { "method": "GET", "urlPath": "/x", "headers": { "A": { "equalTo": "1", "matches": "1" } } }, "response": {} }""", "exactly one")]
    public void Add_WhatWireMockNetCannotSay_FailsNamingIt(string json, string named)
    {
        var error = Assert.Throws<NotSupportedException>(() => Add(json));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void Add(string json) => StubMappingConverter.Add(_server, JsonNode.Parse(json)!.AsObject(), "test mapping");

    private async Task<int> StatusAsync(string pathAndQuery, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
