using System.Globalization;
using System.Text.Json;

namespace AuditAggregator.Simulators.Tests.ExaVault;

public class ExaVaultActivityTests
{
    private static ExaVaultSimulatorOptions Options(Action<ExaVaultSimulatorOptions>? configure = null)
    {
        var options = new ExaVaultSimulatorOptions { Now = Clients.Now };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task Session_Body_TotalResultsAlways0AndReturnedResultsIsPageSize()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var body = await Clients.GetJsonAsync(http, "activity/session?offset=0&limit=30&sort=-date");
        Assert.Equal(200, body.GetProperty("responseStatus").GetInt32());
        Assert.Equal(0, body.GetProperty("totalResults").GetInt32());
        Assert.Equal(30, body.GetProperty("returnedResults").GetInt32());
        var first = body.GetProperty("data")[0];
        Assert.Equal("sessionActivity", first.GetProperty("type").GetString());
        Assert.Equal(sim.Data.Session[sim.Data.Session.Count - 1].Id, first.GetProperty("id").GetInt64());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", first.GetProperty("attributes").GetProperty("created").GetString()!);
    }

    [Fact]
    public async Task Session_NoLimit_DefaultsTo50()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var body = await Clients.GetJsonAsync(http, "activity/session");
        Assert.Equal(50, body.GetProperty("returnedResults").GetInt32());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Session_MissingEitherHeader_Is401InvalidCredentials(bool key, bool token)
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim, withAuth: false);
        if (key)
        {
            http.DefaultRequestHeaders.Add("ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey);
        }

        if (token)
        {
            http.DefaultRequestHeaders.Add("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken);
        }

        using var response = await http.GetAsync("activity/session");
        Assert.Equal(401, (int)response.StatusCode);
        var body = await Clients.JsonAsync(response);
        Assert.Equal(401, body.GetProperty("responseStatus").GetInt32());
        Assert.Equal("ERROR_INVALID_CREDENTIALS", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("offset=-1")]
    [InlineData("limit=-5")]
    [InlineData("sort=name")]
    [InlineData("sort=created")]
    [InlineData("startDate=yesterday")]
    public async Task Session_BadParameter_Is400ErrorBody(string query)
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        using var response = await http.GetAsync("activity/session?" + query);
        Assert.Equal(400, (int)response.StatusCode);
        var body = await Clients.JsonAsync(response);
        Assert.Equal(400, body.GetProperty("responseStatus").GetInt32());
        Assert.StartsWith("ERROR_", body.GetProperty("errors")[0].GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_RateLimitHeaders_OnEveryResponseAndRunDown_ThenAllowanceExhaustedIs429WithoutRetryAfter()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options(o => o.DailyAllowance = 3));
        using var http = Clients.ExaVault(sim);
        var remaining = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(i == 1 ? "activity/session?offset=-1" : "activity/session?limit=1");
            Assert.Equal("3", response.Headers.GetValues("X-RateLimit-Limit").Single());
            remaining.Add(int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), CultureInfo.InvariantCulture));
        }

        Assert.Equal([2, 1, 0], remaining);
        using var over = await http.GetAsync("activity/session?limit=1");
        Assert.Equal(429, (int)over.StatusCode);
        Assert.Null(over.Headers.RetryAfter);
        Assert.Equal("0", over.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(429, (await Clients.JsonAsync(over)).GetProperty("responseStatus").GetInt32());
    }

    [Fact]
    public async Task Session_UsernameFilter_FiltersButMisspeltUserNameIsIgnored()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var filtered = await Clients.GetJsonAsync(http, "activity/session?username=alice&limit=100");
        Assert.Equal(100, filtered.GetProperty("returnedResults").GetInt32());
        Assert.All(filtered.GetProperty("data").EnumerateArray(), d => Assert.Equal("alice", d.GetProperty("attributes").GetProperty("username").GetString()));
        var ignored = await Clients.GetJsonAsync(http, "activity/session?userName=alice&limit=100");
        Assert.Contains(ignored.GetProperty("data").EnumerateArray(), d => d.GetProperty("attributes").GetProperty("username").GetString() != "alice");
        var snake = await Clients.GetJsonAsync(http, "activity/session?start_date=2099-01-01T00:00:00Z&limit=5");
        Assert.Equal(5, snake.GetProperty("returnedResults").GetInt32());
    }

    [Fact]
    public async Task Session_TypeIpAndPathFilters_Apply()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var stor = await Clients.GetJsonAsync(http, "activity/session?type=STOR&path=%2FFinance*&limit=20");
        Assert.NotEqual(0, stor.GetProperty("returnedResults").GetInt32());
        Assert.All(stor.GetProperty("data").EnumerateArray(), d =>
        {
            Assert.Equal("STOR", d.GetProperty("attributes").GetProperty("operation").GetString());
            Assert.StartsWith("/Finance", d.GetProperty("attributes").GetProperty("fileName").GetString(), StringComparison.Ordinal);
        });
        var ip = await Clients.GetJsonAsync(http, "activity/session?ipAddress=185.220.101.4&limit=20");
        Assert.All(ip.GetProperty("data").EnumerateArray(), d => Assert.Equal("failed", d.GetProperty("attributes").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Session_SortDateAndMinusDate_AreOppositeOrders()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var oldest = await Clients.GetJsonAsync(http, "activity/session?sort=date&limit=5");
        var newest = await Clients.GetJsonAsync(http, "activity/session?sort=-date&limit=5");
        Assert.Equal(sim.Data.Session[0].Id, oldest.GetProperty("data")[0].GetProperty("id").GetInt64());
        Assert.Equal(sim.Data.Session[sim.Data.Session.Count - 1].Id, newest.GetProperty("data")[0].GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("date")]
    [InlineData("-date")]
    public async Task Session_PagingADateWindow_MatchesExpectedEvents(string sort)
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var from = Clients.Now.AddDays(-10);
        var to = Clients.Now.AddDays(-4);
        var ids = await PageAllAsync(http, $"activity/session?startDate={Clients.Iso(from)}&endDate={Clients.Iso(to)}&sort={sort}", 37);
        var expected = sim.Data.SessionsBetween(from, to).Select(r => r.Id).ToList();
        if (sort == "-date")
        {
            expected.Reverse();
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Webhooks_V1AndV2Shapes_AndListenerStatuses()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var body = await Clients.GetJsonAsync(http, "activity/webhooks?limit=200");
        var attributes = body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("attributes")).ToList();
        Assert.All(body.GetProperty("data").EnumerateArray(), d => Assert.Equal("webhookActivity", d.GetProperty("type").GetString()));
        var v1 = attributes.First(a => a.GetProperty("webhookFormat").GetString() == "v1");
        var v2 = attributes.First(a => a.GetProperty("webhookFormat").GetString() == "v2");
        Assert.True(v1.GetProperty("details").TryGetProperty("attempt", out _));
        Assert.False(v1.GetProperty("details").TryGetProperty("eventData", out _));
        Assert.True(v2.GetProperty("details").TryGetProperty("eventData", out _));
        Assert.Equal(JsonValueKind.Number, v2.GetProperty("status").ValueKind);
        Assert.Contains(attributes, a => a.GetProperty("status").GetInt32() >= 400);
        Assert.Matches(@"-07:00$", v1.GetProperty("created").GetString()!);
    }

    [Fact]
    public async Task Webhooks_StatusCodeFilter_AndPathIsIgnored()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        var failed = await Clients.GetJsonAsync(http, "activity/webhooks?statusCode=500&limit=20");
        Assert.NotEqual(0, failed.GetProperty("returnedResults").GetInt32());
        Assert.All(failed.GetProperty("data").EnumerateArray(), d => Assert.Equal(500, d.GetProperty("attributes").GetProperty("status").GetInt32()));
        var ignored = await Clients.GetJsonAsync(http, "activity/webhooks?path=%2FFinance*&limit=50");
        Assert.Contains(ignored.GetProperty("data").EnumerateArray(), d => !d.GetProperty("attributes").GetProperty("resourcePath").GetString()!.StartsWith("/Finance", StringComparison.Ordinal));
        var byResource = await Clients.GetJsonAsync(http, "activity/webhooks?resourcePath=%2FFinance*&limit=50");
        Assert.All(byResource.GetProperty("data").EnumerateArray(), d => Assert.StartsWith("/Finance", d.GetProperty("attributes").GetProperty("resourcePath").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhooks_IgnoreOffsetBug_RepeatsTheFirstPage()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options(o => o.IgnoreWebhookOffset = true));
        using var http = Clients.ExaVault(sim);
        var page1 = await Clients.GetJsonAsync(http, "activity/webhooks?offset=0&limit=10");
        var page2 = await Clients.GetJsonAsync(http, "activity/webhooks?offset=10&limit=10");
        Assert.Equal(page1.GetProperty("data").GetRawText(), page2.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task UnknownRoute_Is404ErrorBodyWithRateLimitHeaders()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options());
        using var http = Clients.ExaVault(sim);
        using var response = await http.GetAsync("activity/sessions");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", (await Clients.JsonAsync(response)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.True(response.Headers.Contains("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Session_BasePath_IsConfigurable()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options(o => o.BasePath = "/v2"));
        using var http = Clients.ExaVault(sim);
        Assert.EndsWith("/v2/", sim.ApiBaseUri.AbsoluteUri, StringComparison.Ordinal);
        var body = await Clients.GetJsonAsync(http, "activity/session?limit=1");
        Assert.Equal(1, body.GetProperty("returnedResults").GetInt32());
        Assert.Equal(1, sim.Requests.CountFor("/v2/activity/session"));
    }

    [Fact]
    public async Task Session_AppendBeforeEachPage_ShiftsOffsetsSoPagesOverlap()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(Options(o => o.AppendBeforeEachPage = 2));
        using var http = Clients.ExaVault(sim);
        var page1 = await Ids(http, "activity/session?sort=-date&offset=0&limit=10");
        var page2 = await Ids(http, "activity/session?sort=-date&offset=10&limit=10");
        Assert.Equal(page1[^2..], page2[..2]);
        Assert.Equal(1804, sim.Data.Session.Count);
        Assert.Equal(700, sim.Data.Webhooks.Count);
    }

    internal static async Task<List<long>> PageAllAsync(HttpClient http, string baseQuery, int limit)
    {
        var ids = new List<long>();
        for (var offset = 0; ; offset += limit)
        {
            var page = await Ids(http, $"{baseQuery}&offset={offset}&limit={limit}");
            ids.AddRange(page);
            if (page.Length < limit)
            {
                return ids;
            }
        }
    }

    private static async Task<long[]> Ids(HttpClient http, string uri)
    {
        var body = await Clients.GetJsonAsync(http, uri);
        return body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToArray();
    }
}
