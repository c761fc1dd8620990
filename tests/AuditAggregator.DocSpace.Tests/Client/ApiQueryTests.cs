using System.Net;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

/// <summary>
/// The exact requests the Refit interface sends: routes, query names spelt as the server spells them, values in
/// their wire form, and nothing else.
/// </summary>
public class ApiQueryTests
{
    private static async Task<RecordedRequest> SendAsync(Func<IDocSpaceLoginHistoryApi, Task<HttpResponseMessage>> call, DocSpaceOptions? options = null)
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));
        using var response = await call(TestSetup.Api(handler, options));
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task GetFilterAsync_EveryParameter_SentInItsWireFormAndInOrder()
    {
        var request = await SendAsync(api => api.GetFilterAsync(
            userId: Guid.Parse("3C1B2C7E-9F4A-4D2E-8A51-6F0E2B9D7A10"),
            action: (int)DocSpaceLoginAction.LoginFailBruteForce,
            from: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)),
            to: DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero)),
            count: 100,
            startIndex: 200,
            fields: "id,date,actionId"));

        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/filter", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "?userId=3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10&action=1023&from=2025-06-01T00%3A00%3A00Z&to=2025-06-03T00%3A00%3A00Z&count=100&startIndex=200&fields=id%2Cdate%2CactionId",
            request.Uri.Query);
        Assert.Equal("id,date,actionId", request.QueryValue("fields"));
        Assert.False(request.Headers.ContainsKey("fields"));
    }

    [Fact]
    public void GetFilterAsync_DeclaresOnlyTheParametersTheVendorReads()
    {
        var names = typeof(IDocSpaceLoginHistoryApi).GetMethod(nameof(IDocSpaceLoginHistoryApi.GetFilterAsync))!.GetParameters().Select(p => p.Name);

        Assert.Equal(["userId", "action", "from", "to", "count", "startIndex", "fields", "cancellationToken"], names);
    }

    [Fact]
    public async Task ForGenerated_TheInterfaceHasASourceGeneratedClient()
    {
        // ForGenerated never falls back to reflection; it throws when the generator produced no client.
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));
        var api = Refit.RestService.ForGenerated<IDocSpaceLoginHistoryApi>(new HttpClient(handler) { BaseAddress = TestSetup.BaseUrl });

        using var response = await api.GetFilterAsync(count: 100, startIndex: 0);

        Assert.Equal("?count=100&startIndex=0", Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task GetFilterAsync_PageOnly_SendsCountAndStartIndexAndNothingElse()
    {
        var request = await SendAsync(api => api.GetFilterAsync(count: 100, startIndex: 0));

        Assert.Equal("?count=100&startIndex=0", request.Uri.Query);
    }

    [Fact]
    public async Task GetFilterAsync_NoParameters_SendsNoQuery()
    {
        var request = await SendAsync(api => api.GetFilterAsync());

        Assert.Equal(string.Empty, request.Uri.Query);
    }

    [Fact]
    public async Task GetFilterAsync_ActionNone_SentAsMinusOne()
    {
        var request = await SendAsync(api => api.GetFilterAsync(action: (int)DocSpaceLoginAction.None));

        Assert.Equal("?action=-1", request.Uri.Query);
    }

    [Fact]
    public async Task GetFilterAsync_TimeWithPlusOffset_PercentEncodedAsPercent2BNeverASpace()
    {
        // A caller who formats a time with an offset still gets a '+' through: Refit encodes it, the server reads it.
        var request = await SendAsync(api => api.GetFilterAsync(from: "2025-06-01T03:00:00+03:00"));

        Assert.Equal("?from=2025-06-01T03%3A00%3A00%2B03%3A00", request.Uri.Query);
    }

    [Fact]
    public void Time_PositiveOffset_TheSameInstantInUtcWithZ() =>
        Assert.Equal("2025-06-01T00:00:00Z", DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.FromHours(3))));

    [Fact]
    public void Time_NegativeOffsetAndFraction_UtcWithTheFraction() =>
        Assert.Equal("2025-06-02T01:00:00.5Z", DocSpaceQuery.Time(new DateTimeOffset(2025, 6, 1, 19, 30, 0, 500, TimeSpan.FromHours(-5.5))));

    [Fact]
    public async Task GetLastAsync_CallsLastRouteWithoutParametersAskingForJson()
    {
        var request = await SendAsync(api => api.GetLastAsync());

        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/last", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.Headers["Accept"]);
    }

    [Theory]
    [InlineData("https://example.com/docspace")]
    [InlineData("https://example.com/docspace/")]
    public async Task GetLastAsync_PortalUnderPath_KeepsThePath(string baseUrl)
    {
        var request = await SendAsync(api => api.GetLastAsync(), TestSetup.Options(o => o.BaseUrl = new Uri(baseUrl)));

        Assert.Equal("https://example.com/docspace/api/2.0/security/audit/login/last", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GetFilterAsync_ErrorStatus_ReturnedNotThrown()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => new HttpResponseMessage(HttpStatusCode.Forbidden));

        using var response = await TestSetup.Api(handler).GetFilterAsync(count: 1);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(DocSpaceReportFormat.Csv, "?format=Csv")]
    [InlineData(DocSpaceReportFormat.Xlsx, "?format=Xlsx")]
    public async Task StartReportAsync_PostsToTheReportRouteWithTheFormatByName(DocSpaceReportFormat? format, string query)
    {
        var request = await SendAsync(api => api.StartReportAsync(format));

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/report" + query, request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GetAndCancelReport_GetAndDeleteTheReportRoute()
    {
        var get = await SendAsync(api => api.GetReportAsync());
        var cancel = await SendAsync(api => api.CancelReportAsync());

        Assert.Equal((HttpMethod.Get, "/api/2.0/security/audit/login/report", ""), (get.Method, get.Uri.AbsolutePath, get.Uri.Query));
        Assert.Equal((HttpMethod.Delete, "/api/2.0/security/audit/login/report", ""), (cancel.Method, cancel.Uri.AbsolutePath, cancel.Uri.Query));
    }
}
