using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// Adds one mapping of WireMock's JSON format to an in-process WireMock.Net server through its fluent API, keeping
/// what WireMock.Net's own importer drops (scenarios, priority, delays) and refusing any field it does not handle.
/// </summary>
/// <remarks>
/// The meaning is WireMock's: <c>equalTo</c> is exact and case-sensitive, <c>matches</c> must match the whole value,
/// query parameter and cookie names are case-sensitive, header names are not, a mapping without <c>priority</c> has
/// priority 5 (lower wins), a scenario starts in the state <c>Started</c>, and a scenario mapping that names no
/// <c>newScenarioState</c> leaves the state as it is.
/// </remarks>
internal static class StubMappingConverter
{
    /// <summary>The priority WireMock gives a mapping that names none.</summary>
    public const int DefaultPriority = 5;

    /// <summary>The state every WireMock scenario starts (and is reset) in.</summary>
    public const string StartState = "Started";

    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds <paramref name="mapping"/> to <paramref name="server"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="NotSupportedException">The mapping holds a field or a combination the converter does not handle.</exception>
    public static void Add(WireMockServer server, JsonObject mapping, string source)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(mapping);
        var unsupported = StubMappingFields.Unsupported(mapping);
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"{source}: the stub mapping converter does not handle {string.Join(", ", unsupported)}. Teach StubMappingConverter the field or leave it out.");
        }

        var provider = server
            .Given(BuildRequest(mapping["request"]?.AsObject() ?? throw Fail(source, "has no request")))
            .WithTitle((string?)mapping["name"] ?? throw Fail(source, "has no name"))
            .AtPriority((int?)mapping["priority"] ?? DefaultPriority);

        var scenario = (string?)mapping["scenarioName"];
        var required = (string?)mapping["requiredScenarioState"];
        var next = (string?)mapping["newScenarioState"];
        if (scenario is null && (required ?? next) is not null)
        {
            throw Fail(source, "names a scenario state without a scenarioName");
        }

        if (scenario is not null)
        {
            // WireMock.Net has no "any state": a scenario mapping without a state condition answers in the start state only.
            provider = provider.InScenario(scenario);
            if (required is null || next == StartState)
            {
                throw Fail(source, "needs a requiredScenarioState, and cannot go back to Started (WireMock.Net cannot say either)");
            }

            if (required != StartState)
            {
                provider = provider.WhenStateIs(required);
            }

            // WireMock keeps the state when a mapping names no new one; WireMock.Net would fall back to the start state.
            next ??= required == StartState ? null : required;
            if (next is not null)
            {
                provider = provider.WillSetStateTo(next);
            }
        }

        provider.RespondWith(BuildResponse(mapping["response"]?.AsObject() ?? throw Fail(source, "has no response")));
    }

    /// <summary>Gets the text WireMock serves for a <c>jsonBody</c>: compact, with '+', '&lt;' and non-ASCII unescaped.</summary>
    public static string BodyText(JsonNode jsonBody)
    {
        ArgumentNullException.ThrowIfNull(jsonBody);
        return jsonBody.ToJsonString(BodyOptions);
    }

    private static IRequestBuilder BuildRequest(JsonObject request)
    {
        var builder = Request.Create()
            .UsingMethod((string)request["method"]!)
            .WithPath(new ExactMatcher(false, (string)request["urlPath"]!));
        foreach (var (name, pattern) in Named(request, "queryParameters"))
        {
            builder = builder.WithParam(name, false, Matcher(pattern));
        }

        foreach (var (name, pattern) in Named(request, "headers"))
        {
            builder = builder.WithHeader(name, true, Matcher(pattern));
        }

        foreach (var (name, pattern) in Named(request, "cookies"))
        {
            builder = builder.WithCookie(name, false, Matcher(pattern));
        }

        return builder;
    }

    private static IResponseBuilder BuildResponse(JsonObject response)
    {
        var builder = Response.Create().WithStatusCode((int?)response["status"] ?? 200);
        foreach (var (name, value) in Named(response, "headers"))
        {
            builder = builder.WithHeader(name, (string)value!);
        }

        if (response["jsonBody"] is { } json)
        {
            builder = builder.WithBody(BodyText(json));
        }

        if ((int?)response["fixedDelayMilliseconds"] is { } delay)
        {
            builder = builder.WithDelay(TimeSpan.FromMilliseconds(delay));
        }

        return builder;
    }

    /// <summary>Turns <c>{"equalTo": v}</c> or <c>{"matches": re}</c> into a WireMock.Net string matcher.</summary>
    private static IStringMatcher Matcher(JsonNode? pattern)
    {
        if (pattern is not JsonObject { Count: 1 } matcher)
        {
            throw new NotSupportedException($"A matcher needs exactly one of equalTo and matches: {pattern?.ToJsonString()}");
        }

        var only = matcher.Single();
        var value = (string)only.Value!;
        return only.Key switch
        {
            "equalTo" => new ExactMatcher(false, value),

            // WireMock's 'matches' is a whole-value match; a .NET Regex finds a match anywhere unless anchored.
            "matches" => new RegexMatcher($@"\A(?:{value})\z", ignoreCase: false, useRegexExtended: false),
            _ => throw new NotSupportedException($"Unknown matcher '{only.Key}'."),
        };
    }

    private static JsonObject Named(JsonObject parent, string field) => parent[field]?.AsObject() ?? [];

    private static NotSupportedException Fail(string source, string what) => new($"{source}: the mapping {what}.");
}
