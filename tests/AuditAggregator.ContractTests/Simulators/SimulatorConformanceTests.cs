using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AuditAggregator.ContractTests.OpenApi;
using AuditAggregator.Simulators;

namespace AuditAggregator.ContractTests.Simulators;

/// <summary>
/// The simulators' answers go through the same schema checks as the stubs, so the simulators cannot drift from the
/// vendor documents; where the simulators copy a known server quirk, the check names the deviation.
/// </summary>
public sealed class SimulatorConformanceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("api/2.0/security/audit/login/filter?count=100&startIndex=0")]
    [InlineData("api/2.0/security/audit/login/filter?count=100&startIndex=200")]
    [InlineData("api/2.0/security/audit/login/filter?count=100&startIndex=5000")]
    [InlineData("api/2.0/security/audit/login/filter?count=50&startIndex=0&from=2025-05-20T00:00:00Z&to=2025-06-02T00:00:00Z&userId=00000000-0000-0000-0000-000000000000&action=1002")]
    [InlineData("api/2.0/security/audit/login/last")]
    public async Task DocSpaceSimulator_LoginPages_ValidateAgainstTheDocument(string pathAndQuery)
    {
        await using var simulator = await DocSpaceSimulator.StartAsync(DocSpaceOptions());

        var answer = await SendAsync(simulator.BaseUri, HttpMethod.Get, pathAndQuery, DocSpaceAuth);

        Assert.Equal(200, answer.Status);
        var body = JsonNode.Parse(answer.Body)!;
        Assert.Equal(body["response"]!.AsArray().Count, (int)body["count"]!);
        await ContractAssert.BodyConformsAsync(VendorContracts.DocSpace, "GET", answer.Path, 200, answer.Body);
    }

    [Fact]
    public async Task DocSpaceSimulator_SynchronousReport_ValidatesAsThePlainUrlDeviation()
    {
        await using var simulator = await DocSpaceSimulator.StartAsync(DocSpaceOptions());

        var answer = await SendAsync(simulator.BaseUri, HttpMethod.Post, "api/2.0/security/audit/login/report", DocSpaceAuth);

        Assert.Equal(200, answer.Status);
        await ContractAssert.BodyConformsAsync(VendorContracts.DocSpace, "POST", answer.Path, 200, answer.Body, KnownDeviations.DocSpaceReportIsPlainUrl);
    }

    [Fact]
    public async Task DocSpaceSimulator_AsynchronousReport_StartAndProgressValidateAgainstTheDocument()
    {
        await using var simulator = await DocSpaceSimulator.StartAsync(DocSpaceOptions(o => o.ReportMode = DocSpaceReportMode.Asynchronous));
        var contract = VendorContracts.For(VendorContracts.DocSpaceVendor, [KnownDeviations.DocSpaceResultFileIdTypedNull]);

        var start = await SendAsync(simulator.BaseUri, HttpMethod.Post, "api/2.0/security/audit/login/report", DocSpaceAuth);
        await ContractAssert.BodyConformsAsync(contract, "POST", start.Path, 200, start.Body);
        for (var poll = 0; poll < simulator.Options.ReportPollsToComplete; poll++)
        {
            var progress = await SendAsync(simulator.BaseUri, HttpMethod.Get, "api/2.0/security/audit/login/report", DocSpaceAuth);
            Assert.Equal(200, progress.Status);
            await ContractAssert.BodyConformsAsync(contract, "GET", progress.Path, 200, progress.Body);
        }
    }

    [Theory]
    [InlineData("none", 400)]
    [InlineData("anonymous", 401)]
    [InlineData("unpaid", 402)]
    [InlineData("planForbids", 402)]
    [InlineData("notAdmin", 403)]
    [InlineData("throttled", 429)]
    [InlineData("serverError", 500)]
    public async Task DocSpaceSimulator_ErrorAnswers_ValidateOrNameTheirDeviation(string situation, int status)
    {
        await using var simulator = await DocSpaceSimulator.StartAsync(DocSpaceOptions(o => o.Plan = situation switch
        {
            "unpaid" => DocSpacePlan.Unpaid,
            "planForbids" => DocSpacePlan.PlanForbids,
            _ => DocSpacePlan.Full,
        }));
        if (situation == "throttled")
        {
            simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        }
        else if (situation == "serverError")
        {
            simulator.Faults.Enqueue(SimulatedFault.ServerError(500, htmlBody: false));
        }

        Action<HttpRequestMessage> auth = situation switch
        {
            "anonymous" => _ => { },
            "notAdmin" => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultNonAdminApiKey),
            _ => DocSpaceAuth,
        };
        var query = situation == "none" ? "?count=101&startIndex=0" : "?count=100&startIndex=0";

        var answer = await SendAsync(simulator.BaseUri, HttpMethod.Get, "api/2.0/security/audit/login/filter" + query, auth);

        Assert.Equal(status, answer.Status);
        var deviation = status switch
        {
            400 => KnownDeviations.DocSpaceValidationErrorEnvelope,
            402 or 403 when answer.Body.Length > 0 => KnownDeviations.DocSpaceUndeclaredErrorBody,
            _ => null,
        };
        if (answer.Body.Length == 0)
        {
            // Named deviation DocSpace.EmptyErrorBody: 401, 429 and the unpaid portal's 402 come without a body.
            Assert.Contains(status, new[] { 401, 402, 429 });
            return;
        }

        await ContractAssert.BodyConformsAsync(VendorContracts.DocSpace, "GET", answer.Path, status, answer.Body, deviation);
    }

    [Theory]
    [InlineData("activity/session?offset=0&limit=50")]
    [InlineData("activity/session?offset=150&limit=50&sort=-date&startDate=2025-05-20T00:00:00Z&endDate=2025-06-02T00:00:00Z")]
    [InlineData("activity/session?offset=100000&limit=50")]
    [InlineData("activity/webhooks?offset=0&limit=100&sort=-date")]
    [InlineData("activity/webhooks?offset=100000&limit=100")]
    public async Task ExaVaultSimulator_LogPages_ValidateAgainstTheDocument(string pathAndQuery)
    {
        await using var simulator = await ExaVaultSimulator.StartAsync(ExaVaultOptions());

        var answer = await SendAsync(simulator.ApiBaseUri, HttpMethod.Get, pathAndQuery, ExaVaultAuth);

        Assert.Equal(200, answer.Status);
        var body = JsonNode.Parse(answer.Body)!;
        Assert.Equal(0, (int)body["totalResults"]!);
        Assert.Equal(body["data"]!.AsArray().Count, (int)body["returnedResults"]!);

        // Webhook pages rely on the named corrections ExaVault.WebhookOneOfWithoutMapping and ExaVault.FileCountNullNotNullable.
        await ContractAssert.BodyConformsAsync(VendorContracts.ExaVault, "GET", answer.Path, 200, answer.Body);
    }

    [Fact]
    public async Task ExaVaultSimulator_WebhookLog_ServesBothFormats()
    {
        await using var simulator = await ExaVaultSimulator.StartAsync(ExaVaultOptions());

        var answer = await SendAsync(simulator.ApiBaseUri, HttpMethod.Get, "activity/webhooks?offset=0&limit=200", ExaVaultAuth);

        var formats = JsonNode.Parse(answer.Body)!["data"]!.AsArray().Select(e => (string?)e!["attributes"]!["webhookFormat"]).Distinct().Order().ToList();
        Assert.Equal(["v1", "v2"], formats);
    }

    [Theory]
    [InlineData("badSort", 400)]
    [InlineData("negativeOffset", 400)]
    [InlineData("wrongKey", 401)]
    [InlineData("allowanceSpent", 429)]
    [InlineData("serverError", 500)]
    public async Task ExaVaultSimulator_ErrorAnswers_ValidateAgainstTheUndocumentedErrorSchema(string situation, int status)
    {
        await using var simulator = await ExaVaultSimulator.StartAsync(ExaVaultOptions(o => o.DailyAllowance = situation == "allowanceSpent" ? 0 : 50_000));
        if (situation == "serverError")
        {
            simulator.Faults.Enqueue(SimulatedFault.ServerError(500, htmlBody: false));
        }

        var query = situation switch
        {
            "badSort" => "activity/session?offset=0&limit=50&sort=nonsense",
            "negativeOffset" => "activity/session?offset=-1&limit=50",
            _ => "activity/session?offset=0&limit=50",
        };
        Action<HttpRequestMessage> auth = situation == "wrongKey"
            ? r => { r.Headers.Add("ev-api-key", "wrong-key"); r.Headers.Add("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken); }
            : ExaVaultAuth;

        var answer = await SendAsync(simulator.ApiBaseUri, HttpMethod.Get, query, auth);

        Assert.Equal(status, answer.Status);
        await ContractAssert.BodyConformsAsync(VendorContracts.ExaVault, "GET", answer.Path, status, answer.Body, KnownDeviations.ExaVaultUndocumentedErrors);
    }

    private static DocSpaceSimulatorOptions DocSpaceOptions(Action<DocSpaceSimulatorOptions>? configure = null)
    {
        var options = new DocSpaceSimulatorOptions { EventCount = 250, Now = Now, Seed = 7 };
        configure?.Invoke(options);
        return options;
    }

    private static ExaVaultSimulatorOptions ExaVaultOptions(Action<ExaVaultSimulatorOptions>? configure = null)
    {
        var options = new ExaVaultSimulatorOptions { SessionEventCount = 300, WebhookEventCount = 200, Now = Now, Seed = 7 };
        configure?.Invoke(options);
        return options;
    }

    private static void DocSpaceAuth(HttpRequestMessage request) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultApiKey);

    private static void ExaVaultAuth(HttpRequestMessage request)
    {
        request.Headers.Add("ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey);
        request.Headers.Add("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken);
    }

    private static async Task<(int Status, string Path, string Body)> SendAsync(Uri baseUri, HttpMethod method, string pathAndQuery, Action<HttpRequestMessage> authorize)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(method, new Uri(root, pathAndQuery));
        authorize(request);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        }

        return ((int)response.StatusCode, request.RequestUri!.AbsolutePath, body);
    }
}
