using AuditAggregator.ExaVault.Tests.Support;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.ExaVault.Tests.Client;

public class ExaVaultClientRequestTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 6, 1, 0, 0, 0);
    private static readonly Instant End = Instant.FromUtc(2025, 6, 2, 23, 59, 59);

    private static readonly ExaVaultSessionLogQuery FullSessionQuery = new()
    {
        StartDate = Start,
        EndDate = End,
        IpAddress = "203.0.113.24",
        Username = "jdoe",
        Path = "/folder*",
        Type = "EDIT_SHARE",
        Offset = 200,
        Limit = 100,
        Sort = "-date",
    };

    private static readonly ExaVaultWebhookLogQuery FullWebhookQuery = new()
    {
        StartDate = Start,
        EndDate = End,
        EndpointUrl = "https://example.com/api/webhook",
        Event = "resources.upload",
        StatusCode = 500,
        ResourcePath = "/Production*",
        Username = "jdoe",
        Offset = 200,
        Limit = 100,
        Sort = "-date",
    };

    public static TheoryData<string, string> SessionWireValues => new()
    {
        { "startDate", "2025-06-01T00:00:00Z" },
        { "endDate", "2025-06-02T23:59:59Z" },
        { "ipAddress", "203.0.113.24" },
        { "username", "jdoe" },
        { "path", "/folder*" },
        { "type", "EDIT_SHARE" },
        { "offset", "200" },
        { "limit", "100" },
        { "sort", "-date" },
    };

    public static TheoryData<string, string> WebhookWireValues => new()
    {
        { "startDate", "2025-06-01T00:00:00Z" },
        { "endDate", "2025-06-02T23:59:59Z" },
        { "endpointUrl", "https://example.com/api/webhook" },
        { "event", "resources.upload" },
        { "statusCode", "500" },
        { "resourcePath", "/Production*" },
        { "username", "jdoe" },
        { "offset", "200" },
        { "limit", "100" },
        { "sort", "-date" },
    };

    [Theory]
    [MemberData(nameof(SessionWireValues))]
    public async Task GetSessionLogsAsync_EachParameter_SentUnderItsCamelCaseName(string wireName, string expected)
    {
        var request = await SendSessionAsync(FullSessionQuery);

        Assert.Equal(expected, request.QueryValue(wireName));
    }

    [Theory]
    [MemberData(nameof(WebhookWireValues))]
    public async Task GetWebhookLogsAsync_EachParameter_SentUnderItsCamelCaseName(string wireName, string expected)
    {
        var request = await SendWebhookAsync(FullWebhookQuery);

        Assert.Equal(expected, request.QueryValue(wireName));
    }

    [Fact]
    public async Task GetSessionLogsAsync_AllParameters_NoOtherNameSent()
    {
        var request = await SendSessionAsync(FullSessionQuery);

        Assert.Equal(SessionWireValues.Select(row => (string)row[0]).Order(), request.Query.Select(p => p.Key).Order());
        Assert.DoesNotContain(request.Query, p => p.Key is "userName" or "user_name" or "ip_address" or "start_date");
    }

    [Fact]
    public async Task GetWebhookLogsAsync_AllParameters_NoOtherNameSent()
    {
        var request = await SendWebhookAsync(FullWebhookQuery);

        Assert.Equal(WebhookWireValues.Select(row => (string)row[0]).Order(), request.Query.Select(p => p.Key).Order());
        Assert.DoesNotContain(request.Query, p => p.Key is "userName" or "path" or "status_code" or "resource_path");
    }

    [Fact]
    public async Task GetSessionLogsAsync_DatesWithFractionsAndOffsets_SentAsUtcWholeSecondsWithZ()
    {
        var fromOffset = OffsetDateTime.FromDateTimeOffset(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.FromHours(3))).ToInstant();
        var request = await SendSessionAsync(new ExaVaultSessionLogQuery
        {
            StartDate = fromOffset,
            EndDate = Instant.FromUtc(2025, 6, 2, 10, 15, 42).PlusTicks(1_234_567),
        });

        Assert.Equal("2025-06-01T00:00:00Z", request.QueryValue("startDate"));
        Assert.Equal("2025-06-02T10:15:42Z", request.QueryValue("endDate"));
        Assert.Contains("startDate=2025-06-01T00%3A00%3A00Z", request.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSessionLogsAsync_ReservedCharacters_PercentEncoded()
    {
        var request = await SendSessionAsync(new ExaVaultSessionLogQuery { Path = "/In & Out/a+b*", Username = "j doe" });

        Assert.Contains("path=%2FIn%20%26%20Out%2Fa%2Bb%2A", request.Uri.Query, StringComparison.Ordinal);
        Assert.Equal("/In & Out/a+b*", request.QueryValue("path"));
        Assert.Equal("j doe", request.QueryValue("username"));
    }

    [Fact]
    public async Task GetSessionLogsAsync_EmptyQuery_SendsNoParameters()
    {
        var request = await SendSessionAsync(new ExaVaultSessionLogQuery());

        Assert.Equal(string.Empty, request.Uri.Query);
    }

    [Fact]
    public async Task BothRoutes_EveryCall_CarriesBothCredentialHeaders()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => Ok());
        var client = account.CreateClient();

        await client.GetSessionLogsAsync(new ExaVaultSessionLogQuery());
        await client.GetWebhookLogsAsync(new ExaVaultWebhookLogQuery());
        await client.GetSessionLogsAsync(new ExaVaultSessionLogQuery { Offset = 10 });

        Assert.Equal(3, account.Http.Requests.Count);
        Assert.All(account.Http.Requests, r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal(TestAccount.ApiKey, r.Headers["ev-api-key"]);
            Assert.Equal(TestAccount.AccessToken, r.Headers["ev-access-token"]);
            Assert.Equal("application/json", r.Headers["Accept"]);
            Assert.DoesNotContain(TestAccount.ApiKey, r.Uri.ToString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("https://acme.exavault.com")]
    [InlineData("https://acme.exavault.com/")]
    [InlineData("https://acme.exavault.com/api/v2")]
    [InlineData("https://acme.exavault.com/api/v2/")]
    public async Task AccountUrl_WithOrWithoutApiPath_RoutesUnderApiV2(string accountUrl)
    {
        using var account = new TestAccount(o => o.AccountUrl = new Uri(accountUrl));
        account.Http.Route(_ => Ok());

        await account.CreateClient().GetSessionLogsAsync(new ExaVaultSessionLogQuery());
        await account.CreateClient().GetWebhookLogsAsync(new ExaVaultWebhookLogQuery());

        Assert.Equal(
            ["https://acme.exavault.com/api/v2/activity/session", "https://acme.exavault.com/api/v2/activity/webhooks"],
            account.Http.Requests.Select(r => r.Uri.GetLeftPart(UriPartial.Path)));
    }

    [Fact]
    public async Task GetSessionLogsAsync_NegativeOffset_ThrowsWithoutSending()
    {
        using var account = new TestAccount();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => account.CreateClient().GetSessionLogsAsync(new ExaVaultSessionLogQuery { Offset = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => account.CreateClient().GetWebhookLogsAsync(new ExaVaultWebhookLogQuery { Limit = 0 }));
        Assert.Empty(account.Http.Requests);
    }

    [Fact]
    public async Task GetSessionLogsAsync_ContractExample_Deserialized()
    {
        using var account = new TestAccount();
        account.Http.RespondJson(ExaVaultJson.Fixture("exavault-session-logs.200.json"));

        var page = await account.CreateClient().GetSessionLogsAsync(new ExaVaultSessionLogQuery());

        Assert.Equal(2, page.ReturnedResults);
        Assert.Equal(0, page.TotalResults);
        Assert.Equal([48213377L, 48213391L], page.Data!.Select(e => e.Id!.Value));
        Assert.Equal("STOR", page.Data![1].Attributes!.Operation);
        Assert.Equal(10815676L, page.Data![1].Attributes!.BytesTransferred);
    }

    private static async Task<RecordedRequest> SendSessionAsync(ExaVaultSessionLogQuery query)
    {
        using var account = new TestAccount();
        account.Http.RespondJson(ExaVaultJson.Page());
        await account.CreateClient().GetSessionLogsAsync(query);
        return Assert.Single(account.Http.Requests);
    }

    private static async Task<RecordedRequest> SendWebhookAsync(ExaVaultWebhookLogQuery query)
    {
        using var account = new TestAccount();
        account.Http.RespondJson(ExaVaultJson.Page());
        await account.CreateClient().GetWebhookLogsAsync(query);
        return Assert.Single(account.Http.Requests);
    }

    private static HttpResponseMessage Ok() =>
        new(System.Net.HttpStatusCode.OK) { Content = new StringContent(ExaVaultJson.Page(), System.Text.Encoding.UTF8, "application/json") };
}
