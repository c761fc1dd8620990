using System.Net;
using AuditAggregator.ContractTests.Stubs;

namespace AuditAggregator.ContractTests;

/// <summary>
/// The WireMock.Net set-up itself: one in-process server on a loopback port with every stub mapping loaded, a request
/// log that records the query as sent, and scenarios that reset per test.
/// </summary>
[Collection(WireMockGroup.Name)]
public sealed class WireMockServerTests(WireMockFixture wireMock) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Server_ListensOnLoopbackWithEveryStubMappingLoaded()
    {
        var loaded = wireMock.MappingTitles;

        Assert.Equal("127.0.0.1", wireMock.BaseAddress.Host);
        Assert.NotEqual(0, wireMock.BaseAddress.Port);
        Assert.Equal(StubMapping.LoadAll().Select(s => s.Name).Order(StringComparer.Ordinal), loaded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Journal_RecordsRawQueryHeadersAndMatch()
    {
        using var http = new HttpClient { BaseAddress = wireMock.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/2.0/security/audit/login/filter?count=100&startIndex=0&from=2025-06-01T00%3A00%3A00%2B03%3A00");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-contract-empty");
        using var response = await http.SendAsync(request);

        var entry = Assert.Single(wireMock.Journal());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(entry.WasMatched);
        Assert.Equal("/api/2.0/security/audit/login/filter", entry.Path);
        Assert.Equal("2025-06-01T00:00:00+03:00", entry.QueryValue("from"));
        Assert.Equal("Bearer sk-contract-empty", entry.Header("Authorization"));
    }

    [Fact]
    public async Task Journal_UnencodedPlusInQuery_DecodesAsSpaceLikeTheServer()
    {
        using var http = new HttpClient { BaseAddress = wireMock.BaseAddress };
        using var response = await http.GetAsync(new Uri("api/2.0/security/audit/login/filter?from=2025-06-01T00:00:00+03:00", UriKind.Relative));

        var entry = Assert.Single(wireMock.Journal());

        Assert.False(entry.WasMatched);
        Assert.Equal("2025-06-01T00:00:00 03:00", entry.QueryValue("from"));
    }

    [Fact]
    public async Task Scenario_ThrottledOnceThenServed_ResetsBetweenTests()
    {
        using var http = new HttpClient { BaseAddress = wireMock.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/2.0/security/audit/login/filter?count=100&startIndex=0");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-contract-retry");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }
}
