using System.Text;
using AuditAggregator.ContractTests.OpenApi;
using AuditAggregator.ContractTests.Stubs;
using AuditAggregator.DocSpace;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.ContractTests.Adapters;

/// <summary>
/// The real DocSpace adapter against WireMock: the requests it sends (method, path, exact query, credential) as
/// the request journal recorded them, and checked against the vendor document.
/// </summary>
[Collection(WireMockGroup.Name)]
public sealed class DocSpaceContractTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string FilterPath = "/api/2.0/security/audit/login/filter";
    private const string ReportPath = "/api/2.0/security/audit/login/report";
    /// <summary>These tests are about the login history; the audit trail has its own (DocSpaceAuditTrailContractTests).</summary>
    private static readonly AuditQuery Login = new() { Streams = [DocSpaceSourceNames.LoginStream] };

    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250cmFjdCJ9.c2lnbmF0dXJl";

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadAsync_ThreeFullPagesThenShort_PagesStartIndexBy100WithCountAsPageSize()
    {
        // Named deviation DocSpace.CountIsPageSize: 'count' is 100 on every full page, not a total, so paging goes on.
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-paging");

        var (events, error) = await AdapterHost.TryReadAllAsync(services, Login);

        var journal = wireMock.Journal();
        AssertConforms(journal);
        Assert.Null(error);
        Assert.Equal(307, events.Count);
        Assert.Equal(307, events.Select(e => e.SourceId).Distinct().Count());
        Assert.Equal(["0", "100", "200", "300"], journal.Select(r => r.QueryValue("startIndex")));
        Assert.All(journal, r => AssertExactQuery(r, ("count", "100"), ("startIndex", r.QueryValue("startIndex")!)));
        Assert.All(journal, r => Assert.Equal("Bearer sk-contract-paging", r.Header("Authorization")));
        Assert.All(journal, r => Assert.Equal(("GET", FilterPath), (r.Method, r.Path)));
        Assert.All(journal, r => Assert.True(r.WasMatched, $"No stub matched {r}."));
    }

    [Fact]
    public async Task ReadAsync_TimeWindow_SendsNoServerFilterBecauseTheServerPagesBeforeFiltering()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-paging");
        var from = NodaTime.Instant.FromUtc(2025, 6, 2, 0, 0);

        var events = await AdapterHost.ReadAllAsync(services, AuditQuery.Between(from, NodaTime.Instant.FromUtc(2025, 6, 3, 0, 0)) with { Streams = Login.Streams });

        var journal = Journal();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.Time >= from));
        Assert.All(journal, r => AssertExactQuery(r, ("count", "100"), ("startIndex", r.QueryValue("startIndex")!)));
        AssertConforms(journal);
    }

    [Fact]
    public async Task ReadAsync_EmptyFirstPage_StopsAfterOneRequest()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-empty");

        var events = await AdapterHost.ReadAllAsync(services, Login);

        var request = Assert.Single(Journal());
        Assert.Empty(events);
        AssertExactQuery(request, ("count", "100"), ("startIndex", "0"));
        AssertConforms([request]);
    }

    [Theory]
    [InlineData("apiKey")]
    [InlineData("oauthBearer")]
    [InlineData("oauthTokenProvider")]
    [InlineData("basic")]
    [InlineData("sessionCookie")]
    public async Task ReadAsync_EachAuthScheme_SendsTheCredentialWhereTheServerReadsIt(string scheme)
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o =>
        {
            switch (scheme)
            {
                case "apiKey": o.ApiKey = "sk-contract-apikey"; break;
                case "oauthBearer": o.AccessToken = Jwt; break;
                case "oauthTokenProvider": o.Credential = DocSpaceCredential.Bearer(_ => ValueTask.FromResult(Jwt)); break;
                case "basic": (o.Email, o.Password) = ("auditor@example.com", "contract-password"); break;
                default: o.SessionToken = "contract-session-token"; break;
            }
        });

        var events = await AdapterHost.ReadAllAsync(services, Login);

        var request = Assert.Single(Journal());
        Assert.Equal(3, events.Count);
        Assert.True(request.WasMatched, $"No stub matched {request}: the credential is not where the server reads it.");

        // Named deviation DocSpace.ApiKeyBearerHeaderIgnored: never the spec's 'ApiKeyBearer' header.
        Assert.False(request.Headers.ContainsKey("ApiKeyBearer"), KnownDeviations.DocSpaceApiKeyBearerHeader.Summary);
        var expected = scheme switch
        {
            "apiKey" => "Bearer sk-contract-apikey",
            "oauthBearer" or "oauthTokenProvider" => "Bearer " + Jwt,
            "basic" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("auditor@example.com:contract-password")),
            _ => null,
        };
        Assert.Equal(expected, request.Header("Authorization"));
        Assert.Equal(scheme == "sessionCookie" ? "contract-session-token" : null, request.Cookies.GetValueOrDefault("asc_auth_key"));
        AssertConforms([request]);
    }

    [Theory]
    [InlineData(400, AuditErrorKind.BadRequest)]
    [InlineData(401, AuditErrorKind.Authentication)]
    [InlineData(402, AuditErrorKind.Plan)]
    [InlineData(403, AuditErrorKind.Authorization)]
    [InlineData(429, AuditErrorKind.RateLimited)]
    [InlineData(500, AuditErrorKind.Server)]
    public async Task ReadAsync_ErrorStatus_FailsWithItsKindAndNoCredentialInTheMessage(int status, AuditErrorKind kind)
    {
        var key = $"sk-contract-{status}";
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = key);

        var error = await Assert.ThrowsAsync<AuditSourceException>(() => AdapterHost.ReadAllAsync(services, Login));

        var request = Assert.Single(Journal());
        Assert.Equal(status, request.ResponseStatus);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ASC.Web.Api", error.Message, StringComparison.Ordinal);
        AssertConforms([request]);
    }

    [Fact]
    public async Task ReadAsync_429WithRetryAfter_WaitsTheAskedSecondThenReads()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o =>
        {
            o.ApiKey = "sk-contract-retry";
            o.Resilience = AdapterHost.FastResilience(retries: 2);
        });

        var events = await AdapterHost.ReadAllAsync(services, Login);

        var journal = Journal();
        Assert.Equal(3, events.Count);
        Assert.Equal([429, 200], journal.Select(r => r.ResponseStatus));

        // The backoff is 10 ms here, so only the Retry-After of 1 s explains the wait.
        Assert.True(journal[1].LoggedAt - journal[0].LoggedAt >= TimeSpan.FromMilliseconds(950), $"The retry came {(journal[1].LoggedAt - journal[0].LoggedAt).TotalMilliseconds} ms after the 429.");
        Assert.Equal(journal[0].RawQuery, journal[1].RawQuery);
        AssertConforms(journal);
    }

    [Fact]
    public async Task GetFilterAsync_EveryFilter_SendsDeclaredNamesNumbersAndUtcDatesWithZ()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-window");
        var api = services.GetRequiredKeyedService<IDocSpaceLoginHistoryApi>(DocSpaceSourceNames.Source);

        using var response = await api.GetFilterAsync(
            userId: Guid.Parse("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"),
            action: (int)DocSpaceLoginAction.LoginSuccess,
            from: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.FromHours(3))),
            to: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero)),
            count: 50,
            startIndex: 0);

        // The journal speaks first: a wrong name or format is reported as such, not as the 404 of an unmatched stub.
        var request = Assert.Single(wireMock.Journal());
        AssertConforms([request]);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("response").GetArrayLength());
        AssertExactQuery(
            request,
            ("userId", "3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"),
            ("action", "1000"),
            ("from", "2025-06-01T00:00:00Z"),
            ("to", "2025-06-03T00:00:00Z"),
            ("count", "50"),
            ("startIndex", "0"));
        AssertConforms([request]);
    }

    [Fact]
    public async Task GetFilterAsync_Fields_SentAsQueryParameterNotHeader()
    {
        // Named deviation DocSpace.FieldsIsFrameworkWide: the server reads 'fields' from the query, undeclared.
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-window");
        var api = services.GetRequiredKeyedService<IDocSpaceLoginHistoryApi>(DocSpaceSourceNames.Source);

        using var response = await api.GetFilterAsync(
            userId: Guid.Parse("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"),
            action: (int)DocSpaceLoginAction.LoginSuccess,
            from: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)),
            to: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero)),
            count: 50,
            startIndex: 0,
            fields: "id,date,actionId");

        var request = Assert.Single(Journal());
        Assert.Equal("id,date,actionId", request.QueryValue("fields"));
        Assert.False(request.Headers.ContainsKey("fields"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ContractAssert.RequestsConform(VendorContracts.DocSpace, [request]));
        ContractAssert.RequestsConform(VendorContracts.DocSpace, [request], KnownDeviations.DocSpaceFieldsUndeclared);
        ContractAssert.DocSpaceCredentialWhereTheServerReadsIt([request]);
    }

    [Fact]
    public async Task CreateAsync_ServerAnswersPlainUrl_ReturnsThatUrl()
    {
        // Named deviation DocSpace.ReportAnswersPlainUrl: the v3.7/v3.8 answer, not the documented job.
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-report-url");
        var reports = services.GetRequiredKeyedService<DocSpaceReports>(DocSpaceSourceNames.Source);

        var url = await reports.CreateAsync();

        var request = Assert.Single(Journal());
        Assert.Equal(("POST", ReportPath, ""), (request.Method, request.Path, request.RawQuery));
        Assert.Equal("/Products/Files/HttpHandlers/filehandler.ashx", url.AbsolutePath);
        Assert.Contains(KnownDeviations.DocSpaceReportIsPlainUrl, StubDeviationsOf("report.json"));
        AssertConforms([request]);
    }

    [Fact]
    public async Task CreateAsync_ServerRunsAJob_PollsUntilCompletedAndResolvesTheFileUrl()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-report-job");
        var reports = services.GetRequiredKeyedService<DocSpaceReports>(DocSpaceSourceNames.Source);

        var url = await reports.CreateAsync();

        var journal = Journal();
        Assert.Equal(["POST", "GET"], journal.Select(r => r.Method));
        Assert.All(journal, r => Assert.Equal(ReportPath, r.Path));
        Assert.Equal(new Uri(wireMock.BaseAddress, "/doceditor?fileid=1234"), url);
        AssertConforms(journal);
    }

    private static void AssertConforms(IReadOnlyList<JournalEntry> journal)
    {
        ContractAssert.RequestsConform(VendorContracts.DocSpace, journal);
        ContractAssert.DocSpaceCredentialWhereTheServerReadsIt(journal);
    }

    private static IEnumerable<KnownDeviation> StubDeviationsOf(string file) =>
        StubMapping.Load(VendorContracts.DocSpaceVendor).Where(s => s.File == file).SelectMany(s => s.Deviations);

    private static void AssertExactQuery(JournalEntry request, params (string Name, string Value)[] expected) =>
        Assert.Equal(
            expected.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal),
            request.QueryMap().OrderBy(p => p.Key, StringComparer.Ordinal));

    private IReadOnlyList<JournalEntry> Journal()
    {
        var journal = wireMock.Journal();
        Assert.All(journal, r => Assert.True(r.WasMatched, $"No stub matched {r}."));
        return journal;
    }
}
