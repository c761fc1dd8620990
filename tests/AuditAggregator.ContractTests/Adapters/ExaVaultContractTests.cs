using AuditAggregator.ContractTests.OpenApi;
using AuditAggregator.ContractTests.Stubs;
using AuditAggregator.ExaVault;
using NodaTime;

namespace AuditAggregator.ContractTests.Adapters;

/// <summary>
/// The real ExaVault adapter against WireMock: both credential headers, camelCase filter names, offset/limit
/// paging of both logs, and the error statuses, as the request journal recorded them.
/// </summary>
[Collection(WireMockGroup.Name)]
public sealed class ExaVaultContractTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string SessionPath = "/api/v2/activity/session";
    private const string WebhookPath = "/api/v2/activity/webhooks";
    private static readonly AuditQuery Window = AuditQuery.Between(Instant.FromUtc(2021, 5, 1, 0, 0), Instant.FromUtc(2021, 5, 11, 0, 0));

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadAsync_BothLogsThreeFullPages_PagesOffsetByLimitWithTheWindowOnTheServer()
    {
        await using var services = AdapterHost.ExaVault(wireMock.BaseAddress, "contract-paging");

        var (events, error) = await AdapterHost.TryReadAllAsync(services, Window);

        var journal = wireMock.Journal();
        ContractAssert.RequestsConform(VendorContracts.ExaVault, journal);
        Assert.Null(error);
        Assert.Equal(79, events.Count(e => e.Stream == ExaVaultSourceNames.SessionStream));
        Assert.Equal(75, events.Count(e => e.Stream == ExaVaultSourceNames.WebhookStream));
        foreach (var path in new[] { SessionPath, WebhookPath })
        {
            var requests = journal.Where(r => r.Path == path).ToList();
            Assert.Equal(["0", "25", "50", "75"], requests.Select(r => r.QueryValue("offset")));
            Assert.All(requests, r => AssertExactQuery(
                r,
                ("startDate", "2021-05-01T00:00:00Z"),
                ("endDate", "2021-05-11T00:00:00Z"),
                ("offset", r.QueryValue("offset")!),
                ("limit", "25"),
                ("sort", "-date")));
        }

        Assert.All(journal, r => Assert.True(r.WasMatched, $"No stub matched {r}."));
        Assert.All(journal, AssertCredentialHeaders("contract-paging"));
    }

    [Fact]
    public async Task ReadAsync_WebhooksInV1AndV2_KeepsBothShapes()
    {
        await using var services = AdapterHost.ExaVault(wireMock.BaseAddress, "contract-paging", o => o.Streams = ExaVaultStreams.Webhook);

        var events = await AdapterHost.ReadAllAsync(services, Window);

        var formats = events.Select(e => e.Details.TryGetValue("webhookFormat", out var f) ? f.ToString() : "none").ToList();
        Assert.Equal(75, events.Count);
        Assert.Equal(25, formats.Count(f => f == "v1"));
        Assert.Equal(50, formats.Count(f => f == "v2"));
        Assert.All(Journal(), r => Assert.Equal(WebhookPath, r.Path));
    }

    [Fact]
    public async Task ReadAsync_EmptyFirstPages_OneRequestPerLog()
    {
        await using var services = AdapterHost.ExaVault(wireMock.BaseAddress, "contract-empty");

        var events = await AdapterHost.ReadAllAsync(services, AuditQuery.All);

        var journal = Journal();
        Assert.Empty(events);
        Assert.Equal([SessionPath, WebhookPath], journal.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(journal, r => AssertExactQuery(r, ("offset", "0"), ("limit", "25"), ("sort", "-date")));
        ContractAssert.RequestsConform(VendorContracts.ExaVault, journal);
    }

    [Fact]
    public async Task ReadAsync_OneActor_FiltersOnTheServerByUsernameNotUserName()
    {
        await using var services = AdapterHost.ExaVault(wireMock.BaseAddress, "contract-username");

        List<AuditEvent>? events = null;
        var error = await Record.ExceptionAsync(async () => events = await AdapterHost.ReadAllAsync(services, Window with { Actors = ["jdoe"] }));

        // The journal speaks first: a misspelt filter is reported as such, not as the 404 of an unmatched stub.
        var journal = wireMock.Journal();
        ContractAssert.RequestsConform(VendorContracts.ExaVault, journal);
        Assert.Null(error);
        Assert.Equal(5, events!.Count);
        Assert.Equal(2, journal.Count);
        Assert.All(journal, r => Assert.Equal("jdoe", r.QueryValue("username")));
        Assert.All(journal, r => Assert.Null(r.QueryValue("userName")));
    }

    [Theory]
    [InlineData(400, AuditErrorKind.BadRequest)]
    [InlineData(401, AuditErrorKind.Authentication)]
    [InlineData(403, AuditErrorKind.Authorization)]
    [InlineData(429, AuditErrorKind.RateLimited)]
    [InlineData(500, AuditErrorKind.Server)]
    public async Task ReadAsync_ErrorStatus_FailsWithItsKindAndVendorCode(int status, AuditErrorKind kind)
    {
        var key = $"contract-{status}";
        await using var services = AdapterHost.ExaVault(wireMock.BaseAddress, key, o => o.Streams = ExaVaultStreams.Session);

        var error = await Assert.ThrowsAsync<AuditSourceException>(() => AdapterHost.ReadAllAsync(services, AuditQuery.All));

        var request = Assert.Single(Journal());
        Assert.Equal(status, request.ResponseStatus);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith("ERROR_", error.VendorErrorCode, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AdapterHost.ExaVaultAccessToken, error.ToString(), StringComparison.Ordinal);
        ContractAssert.RequestsConform(VendorContracts.ExaVault, [request]);
    }

    [Fact]
    public async Task ReadAsync_429WithRetryAfter_WaitsTheAskedSecondThenReads()
    {
        await using var services = AdapterHost.ExaVault(wireMock.BaseAddress, "contract-retry", o =>
        {
            o.Streams = ExaVaultStreams.Session;
            o.Resilience = AdapterHost.FastResilience(retries: 2);
        });

        var events = await AdapterHost.ReadAllAsync(services, AuditQuery.All);

        var journal = Journal();
        Assert.Equal(2, events.Count);
        Assert.Equal([429, 200], journal.Select(r => r.ResponseStatus));
        Assert.True(journal[1].LoggedAt - journal[0].LoggedAt >= TimeSpan.FromMilliseconds(950), $"The retry came {(journal[1].LoggedAt - journal[0].LoggedAt).TotalMilliseconds} ms after the 429.");
        ContractAssert.RequestsConform(VendorContracts.ExaVault, journal);
    }

    private static Action<JournalEntry> AssertCredentialHeaders(string apiKey) => r =>
    {
        Assert.Equal(apiKey, r.Header("ev-api-key"));
        Assert.Equal(AdapterHost.ExaVaultAccessToken, r.Header("ev-access-token"));
        Assert.False(r.Headers.ContainsKey("Authorization"));
    };

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
