using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.Simulators.Tests.DocSpace;

/// <summary>Authentication schemes, the admin right and the plan answers.</summary>
public class DocSpaceAccessTests
{
    public static TheoryData<string> Schemes => ["apikey", "jwt", "basic", "cookie", "raw-session", "bearer-session"];

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task Filter_EachAdminScheme_Is200(string scheme)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim, withAuth: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, DocSpaceSimulator.FilterPath + "?count=1");
        switch (scheme)
        {
            case "apikey":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultApiKey);
                break;
            case "jwt":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultAccessToken);
                break;
            case "basic":
                var pair = Encoding.UTF8.GetBytes($"{DocSpaceCredential.DefaultAdminEmail}:{DocSpaceCredential.DefaultAdminPassword}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
                break;
            case "cookie":
                request.Headers.Add("Cookie", "asc_auth_key=" + DocSpaceCredential.DefaultSessionToken);
                break;
            case "raw-session":
                request.Headers.TryAddWithoutValidation("Authorization", DocSpaceCredential.DefaultSessionToken);
                break;
            default:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultSessionToken);
                break;
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer sk-wrong")]
    [InlineData("Basic YWRtaW5AZXhhbXBsZS5jb206d3Jvbmc=")]
    [InlineData("not-a-session")]
    public async Task Filter_MissingOrWrongCredential_Is401WithEmptyBody(string? authorization)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim, withAuth: false);
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Filter_ApiKeyInSpecHeaderNamedApiKeyBearer_IsIgnored()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim, withAuth: false);
        http.DefaultRequestHeaders.Add("ApiKeyBearer", DocSpaceCredential.DefaultApiKey);
        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Filter_NonAdmin_Is403AccessDeniedErrorBody()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        using var http = Clients.DocSpace(sim, withAuth: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultNonAdminApiKey);
        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(403, (int)response.StatusCode);
        var body = await Clients.JsonAsync(response);
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.Equal(403, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("Access denied", body.GetProperty("error").GetProperty("message").GetString());
        Assert.True(body.GetProperty("error").TryGetProperty("stack", out _));
        Assert.True(body.GetProperty("error").TryGetProperty("hresult", out _));
    }

    [Fact]
    public async Task Filter_NoAuditPlan_IgnoresFiltersAndReturnsThe20Newest()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Plan = DocSpacePlan.NoAuditPlan });
        using var http = Clients.DocSpace(sim);
        var alice = SimulatedUsers.All[0].DocSpaceUserId;
        var filtered = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?userId={alice}&startIndex=200&count=50");
        var last = await Clients.GetJsonAsync(http, DocSpaceSimulator.LastPath);
        Assert.Equal(200, filtered.GetProperty("statusCode").GetInt32());
        Assert.Equal(20, filtered.GetProperty("count").GetInt32());
        Assert.Equal(last.GetProperty("response").GetRawText(), filtered.GetProperty("response").GetRawText());
    }

    [Theory]
    [InlineData(DocSpaceSimulator.FilterPath)]
    [InlineData(DocSpaceSimulator.LastPath)]
    public async Task Routes_PlanForbids_Is402WithPricingPlanMessage(string path)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Plan = DocSpacePlan.PlanForbids });
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(path);
        Assert.Equal(402, (int)response.StatusCode);
        var body = await Clients.JsonAsync(response);
        Assert.Equal("Your pricing plan does not support this option", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Filter_Unpaid_Is402WithEmptyBody()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Plan = DocSpacePlan.Unpaid });
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(402, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Filter_Unauthenticated_CheckedBeforePlan()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Plan = DocSpacePlan.Unpaid });
        using var http = Clients.DocSpace(sim, withAuth: false);
        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Filter_RateLimitEnabled_429EmptyBodyWithRetryAfterAndRateLimitHeaders()
    {
        var clock = new FakeTimeProvider(Clients.Now.AddSeconds(30));
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions
        {
            Now = Clients.Now, TimeProvider = clock, RateLimitEnabled = true, RateLimitPerMinute = 3,
        });
        using var http = Clients.DocSpace(sim);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync(DocSpaceSimulator.LastPath);
            Assert.Equal(200, (int)ok.StatusCode);
            Assert.False(ok.Headers.Contains("X-RateLimit-Remaining"));
        }

        using var limited = await http.GetAsync(DocSpaceSimulator.LastPath);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(Clients.Now.AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Empty(await limited.Content.ReadAsByteArrayAsync());

        clock.Advance(TimeSpan.FromSeconds(30));
        using var again = await http.GetAsync(DocSpaceSimulator.LastPath);
        Assert.Equal(200, (int)again.StatusCode);
    }
}
