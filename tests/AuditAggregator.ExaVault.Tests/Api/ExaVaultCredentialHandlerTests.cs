using AuditAggregator.ExaVault.Internal;
using AuditAggregator.ExaVault.Tests.Support;

namespace AuditAggregator.ExaVault.Tests.Api;

public class ExaVaultCredentialHandlerTests
{
    [Fact]
    public async Task EveryCall_CarriesBothCredentialHeadersNeverTheUrl()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(ExaVaultJson.Page()) });
        var api = account.CreateApi();

        (await api.GetSessionActivityAsync()).Dispose();
        (await api.GetWebhookActivityAsync()).Dispose();
        (await api.GetSessionActivityAsync(offset: 10, username: "jdoe")).Dispose();

        Assert.Equal(3, account.Http.Requests.Count);
        Assert.All(account.Http.Requests, r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal(TestAccount.ApiKey, r.Headers["ev-api-key"]);
            Assert.Equal(TestAccount.AccessToken, r.Headers["ev-access-token"]);
            Assert.Equal("application/json", r.Headers["Accept"]);
            Assert.DoesNotContain(TestAccount.ApiKey, r.Uri.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(TestAccount.AccessToken, r.Uri.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SendAsync_CallerSetHeaders_ReplacedByTheSourcesCredentials()
    {
        using var account = new TestAccount();
        account.Http.Route(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        using var client = new HttpClient(new ExaVaultCredentialHandler(account.Options) { InnerHandler = account.Http });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://acme.exavault.com/api/v2/activity/session");
        request.Headers.Add("ev-api-key", "someone-else");
        request.Headers.Add("ev-access-token", "someone-elses-token");

        (await client.SendAsync(request)).Dispose();

        var sent = Assert.Single(account.Http.Requests);
        Assert.Equal(TestAccount.ApiKey, sent.Headers["ev-api-key"]);
        Assert.Equal(TestAccount.AccessToken, sent.Headers["ev-access-token"]);
    }

    [Theory]
    [InlineData("https://acme.exavault.com")]
    [InlineData("https://acme.exavault.com/")]
    [InlineData("https://acme.exavault.com/api/v2")]
    [InlineData("https://acme.exavault.com/api/v2/")]
    public async Task AccountUrl_WithOrWithoutApiPath_RoutesUnderApiV2(string accountUrl)
    {
        using var account = new TestAccount(o => o.AccountUrl = new Uri(accountUrl));
        account.Http.Route(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(ExaVaultJson.Page()) });

        await account.DrainAsync();

        Assert.Equal(
            ["https://acme.exavault.com/api/v2/activity/session", "https://acme.exavault.com/api/v2/activity/webhooks"],
            account.Http.Requests.Select(r => r.Uri.GetLeftPart(UriPartial.Path)).Order());
    }
}
