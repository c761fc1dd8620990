using AuditAggregator.ContractTests.OpenApi;
using AuditAggregator.ContractTests.Stubs;
using AuditAggregator.DocSpace;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AuditAggregator.ContractTests.Adapters;

/// <summary>
/// The real DocSpace adapter's audit stream against WireMock: the window sent as from/to with 'to' moved down page by
/// page, the no-audit-plan fallback, 402 and 403, each request checked against the audit-trail document.
/// </summary>
[Collection(WireMockGroup.Name)]
public sealed class DocSpaceAuditTrailContractTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string FilterPath = "/api/2.0/security/audit/events/filter";

    private static readonly AuditQuery Window = AuditQuery.Between(Instant.FromUtc(2025, 6, 1, 0, 0), Instant.FromUtc(2025, 6, 2, 0, 0)) with
    {
        Streams = [DocSpaceSourceNames.AuditStream],
    };

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadAsync_Window_SendsFromAndToAndMovesToDownToTheOldestDateRead()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-trail");

        var (events, error) = await AdapterHost.TryReadAllAsync(services, Window);

        var journal = wireMock.Journal();
        AssertConforms(journal);
        Assert.Null(error);
        Assert.Equal(156, events.Count);
        Assert.Equal(156, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.Equal(("audit", "docspace"), (e.Stream, e.Vendor)));
        Assert.Equal(
            [("2025-06-01T00:00:00Z", "2025-06-01T23:59:59.9999999Z"), ("2025-06-01T00:00:00Z", "2025-06-01T09:04:00Z")],
            journal.Select(r => (r.QueryValue("from"), r.QueryValue("to"))));
        Assert.All(journal, r => Assert.Equal(["count", "from", "to"], r.Query.Select(q => q.Name).Order(StringComparer.Ordinal)));
        Assert.All(journal, r => Assert.Equal(("GET", FilterPath, "100"), (r.Method, r.Path, r.QueryValue("count"))));
        Assert.All(journal, r => Assert.True(r.WasMatched, $"No stub matched {r}."));

        var move = events.First(e => e.VendorAction == "5015");
        Assert.Equal((AuditActions.Move, "Final"), (move.Action, move.Details["toFolder"].AsString()));
        Assert.StartsWith("contract-", move.Resource, StringComparison.Ordinal);
        var favourite = events.First(e => e.VendorAction == "5055");
        Assert.Equal((AuditCategory.Other, AuditActions.Other), (favourite.Category, favourite.Action));
    }

    [Fact]
    public async Task ReadAsync_NoAuditOptionInThePlan_FailsWithPlanErrorAfterOneRequest()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-trail-noaudit");

        var (events, error) = await AdapterHost.TryReadAllAsync(services, Window);

        var ex = Assert.IsType<AuditSourceException>(error);
        Assert.Empty(events);
        Assert.Equal((AuditErrorKind.Plan, "docspace"), (ex.Kind, ex.SourceName));
        Assert.Contains("no audit option", ex.Message, StringComparison.Ordinal);
        Assert.Single(wireMock.Journal());
        AssertConforms(wireMock.Journal());
    }

    [Theory]
    [InlineData("sk-contract-trail-402", AuditErrorKind.Plan, 402)]
    [InlineData("sk-contract-trail-403", AuditErrorKind.Authorization, 403)]
    public async Task ReadAsync_PlanOrPermissionRefused_ClearErrorNamingTheAuditTrail(string key, AuditErrorKind kind, int status)
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = key);

        var (_, error) = await AdapterHost.TryReadAllAsync(services, Window);

        var ex = Assert.IsType<AuditSourceException>(error);
        Assert.Equal((kind, status, "docspace"), (ex.Kind, ex.StatusCode, ex.SourceName));
        Assert.Contains("audit trail", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(wireMock.Journal());
    }

    [Fact]
    public async Task GetFilterAsync_EveryFilter_SendsTheDeclaredNames()
    {
        await using var services = AdapterHost.DocSpace(wireMock.BaseAddress, o => o.ApiKey = "sk-contract-trail-403");
        var api = services.GetRequiredKeyedService<IDocSpaceAuditTrailApi>(DocSpaceSourceNames.Source);

        using var response = await api.GetFilterAsync(
            userId: Guid.Parse("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"),
            actionType: 13,
            action: 5011,
            entryType: 1,
            target: "40112",
            from: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.FromHours(3))),
            to: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero)),
            count: 50,
            startIndex: 100);

        var request = Assert.Single(wireMock.Journal());
        AssertConforms([request]);
        Assert.Equal(
            ["action", "actionType", "count", "entryType", "from", "startIndex", "target", "to", "userId"],
            request.Query.Select(q => q.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("2025-06-01T00:00:00Z", "5011"), (request.QueryValue("from"), request.QueryValue("action")));
    }

    [Fact]
    public async Task RequestsConform_ProductTypeAsOlderSdksSendIt_IsCaught()
    {
        // The mutation an older generated SDK makes: 'productType', which neither the server nor the document reads.
        using var http = new HttpClient { BaseAddress = wireMock.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "sk-contract-trail-403");

        using var response = await http.GetAsync(new Uri(FilterPath + "?productType=2&count=100", UriKind.Relative));

        var request = Assert.Single(wireMock.Journal());
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ContractAssert.RequestsConform(VendorContracts.DocSpaceAudit, [request]));
        Assert.Contains("productType", failure.Message, StringComparison.Ordinal);
    }

    private static void AssertConforms(IReadOnlyList<JournalEntry> journal)
    {
        ContractAssert.RequestsConform(VendorContracts.DocSpaceAudit, journal);
        ContractAssert.DocSpaceCredentialWhereTheServerReadsIt(journal);
    }
}
