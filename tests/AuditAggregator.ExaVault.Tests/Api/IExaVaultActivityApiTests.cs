using AuditAggregator.ExaVault.Tests.Support;
using AuditAggregator.Testing;
using NodaTime;
using Refit;

namespace AuditAggregator.ExaVault.Tests.Api;

/// <summary>
/// The Refit interface used directly (<c>RestService.For</c>), as a caller would: the exact query string it sends.
/// </summary>
public class IExaVaultActivityApiTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 6, 1, 0, 0, 0);
    private static readonly Instant End = Instant.FromUtc(2025, 6, 2, 23, 59, 59);

    [Fact]
    public async Task GetSessionActivityAsync_EveryParameter_ExactQueryString()
    {
        var (api, http) = Create();

        using var response = await api.GetSessionActivityAsync(Start, End, "203.0.113.24", "jdoe", "/folder*", "EDIT_SHARE", 200, 100, "-date");

        var request = Assert.Single(http.Requests);
        Assert.Equal("https://acme.exavault.com/api/v2/activity/session", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "?startDate=2025-06-01T00%3A00%3A00Z&endDate=2025-06-02T23%3A59%3A59Z&ipAddress=203.0.113.24&username=jdoe&path=%2Ffolder%2A&type=EDIT_SHARE&offset=200&limit=100&sort=-date",
            request.Uri.Query);
    }

    [Fact]
    public async Task GetWebhookActivityAsync_EveryParameter_ExactQueryString()
    {
        var (api, http) = Create();

        using var response = await api.GetWebhookActivityAsync(Start, End, "https://example.com/api/webhook", "resources.upload", 500, "/Production*", "jdoe", 200, 100, "-date");

        var request = Assert.Single(http.Requests);
        Assert.Equal("https://acme.exavault.com/api/v2/activity/webhooks", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "?startDate=2025-06-01T00%3A00%3A00Z&endDate=2025-06-02T23%3A59%3A59Z&endpointUrl=https%3A%2F%2Fexample.com%2Fapi%2Fwebhook&event=resources.upload&statusCode=500&resourcePath=%2FProduction%2A&username=jdoe&offset=200&limit=100&sort=-date",
            request.Uri.Query);
    }

    [Fact]
    public async Task GetSessionActivityAsync_NoArguments_NoQueryAtAll()
    {
        var (api, http) = Create();

        using var response = await api.GetSessionActivityAsync();
        using var webhooks = await api.GetWebhookActivityAsync();

        Assert.All(http.Requests, r => Assert.Equal(string.Empty, r.Uri.Query));
    }

    [Fact]
    public async Task GetSessionActivityAsync_OnlyPaging_OtherParametersLeftOut()
    {
        var (api, http) = Create();

        using var response = await api.GetSessionActivityAsync(offset: 0, limit: 1000, sort: "-date");

        Assert.Equal("?offset=0&limit=1000&sort=-date", Assert.Single(http.Requests).Uri.Query);
    }

    [Fact]
    public async Task GetSessionActivityAsync_InstantFromAnOffsetOrWithFractions_SentAsUtcWholeSecondsWithZ()
    {
        var (api, http) = Create();
        var threeHoursEast = OffsetDateTime.FromDateTimeOffset(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.FromHours(3))).ToInstant();
        var fractional = Instant.FromUtc(2025, 6, 2, 10, 15, 42).PlusTicks(1_234_567);

        using var response = await api.GetSessionActivityAsync(startDate: threeHoursEast, endDate: fractional);

        Assert.Equal("?startDate=2025-06-01T00%3A00%3A00Z&endDate=2025-06-02T10%3A15%3A42Z", Assert.Single(http.Requests).Uri.Query);
    }

    [Fact]
    public async Task GetSessionActivityAsync_ReservedCharacters_PercentEncoded()
    {
        var (api, http) = Create();

        using var response = await api.GetSessionActivityAsync(path: "/In & Out/a+b*", username: "j doe");

        Assert.Equal("?username=j%20doe&path=%2FIn%20%26%20Out%2Fa%2Bb%2A", Assert.Single(http.Requests).Uri.Query);
    }

    [Fact]
    public async Task Calls_AcceptJsonAndNoOtherHeader()
    {
        var (api, http) = Create();

        using var response = await api.GetWebhookActivityAsync();

        var request = Assert.Single(http.Requests);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal(["Accept"], request.Headers.Keys);
    }

    [Fact]
    public async Task ErrorStatus_ReturnedNotThrown()
    {
        var (api, http) = Create();
        http.RespondJson(ExaVaultJson.Fixture("exavault-error.401.json"), System.Net.HttpStatusCode.Unauthorized);

        using var response = await api.GetSessionActivityAsync();

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("ERROR_INVALID_CREDENTIALS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static (IExaVaultActivityApi Api, StubHttpMessageHandler Http) Create()
    {
        var http = new StubHttpMessageHandler().Route(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(ExaVaultJson.Page()) });
        var client = new HttpClient(http) { BaseAddress = new Uri("https://acme.exavault.com/api/v2") };
        return (RestService.For<IExaVaultActivityApi>(client), http);
    }
}
