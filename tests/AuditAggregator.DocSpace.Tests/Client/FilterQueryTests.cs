using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

public class FilterQueryTests
{
    private static async Task<RecordedRequest> SendAsync(DocSpaceLoginFilter filter)
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));
        await TestSetup.Client(handler).GetFilteredAsync(filter);
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task GetFilteredAsync_EveryParameter_SentInItsWireForm()
    {
        var request = await SendAsync(new DocSpaceLoginFilter
        {
            UserId = Guid.Parse("3C1B2C7E-9F4A-4D2E-8A51-6F0E2B9D7A10"),
            Action = DocSpaceLoginAction.LoginFailBruteForce,
            From = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero),
            Count = 100,
            StartIndex = 200,
            Fields = ["id", "date", "actionId"],
        });

        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/filter", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "?userId=3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10&action=1023&from=2025-06-01T00%3A00%3A00Z&to=2025-06-03T00%3A00%3A00Z&count=100&startIndex=200&fields=id,date,actionId",
            request.Uri.Query);
        Assert.False(request.Headers.ContainsKey("fields"));
    }

    [Fact]
    public async Task GetFilteredAsync_FromWithPositiveOffset_SentAsTheSameInstantInUtcWithZ()
    {
        var request = await SendAsync(new DocSpaceLoginFilter { From = new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.FromHours(3)) });

        Assert.Equal("?from=2025-06-01T00%3A00%3A00Z", request.Uri.Query);
        Assert.Equal("2025-06-01T00:00:00Z", request.QueryValue("from"));
    }

    [Fact]
    public async Task GetFilteredAsync_ToWithNegativeOffsetAndFraction_SentInUtcWithFraction()
    {
        var request = await SendAsync(new DocSpaceLoginFilter { To = new DateTimeOffset(2025, 6, 1, 19, 30, 0, 500, TimeSpan.FromHours(-5.5)) });

        Assert.Equal("2025-06-02T01:00:00.5Z", request.QueryValue("to"));
    }

    [Fact]
    public async Task GetFilteredAsync_NoParameters_SendsNoQuery()
    {
        var request = await SendAsync(new DocSpaceLoginFilter());

        Assert.Equal(string.Empty, request.Uri.Query);
    }

    [Fact]
    public async Task GetFilteredAsync_ActionNone_SentAsMinusOne()
    {
        var request = await SendAsync(new DocSpaceLoginFilter { Action = DocSpaceLoginAction.None });

        Assert.Equal("?action=-1", request.Uri.Query);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task GetFilteredAsync_CountOutOfRange_ThrowsWithoutRequest(int count)
    {
        var handler = new StubHttpMessageHandler();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TestSetup.Client(handler).GetFilteredAsync(new DocSpaceLoginFilter { Count = count }));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetFilteredAsync_NegativeStartIndex_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TestSetup.Client(new StubHttpMessageHandler()).GetFilteredAsync(new DocSpaceLoginFilter { StartIndex = -1 }));
    }

    [Fact]
    public void QueryString_ValueWithPlusOffset_PercentEncodedAsPercent2B()
    {
        var query = new QueryString().Add("from", "2025-06-01T03:00:00+03:00").Add("login", "a b&c").ToString();

        Assert.Equal("from=2025-06-01T03%3A00%3A00%2B03%3A00&login=a%20b%26c", query);
    }

    [Fact]
    public async Task GetLastAsync_CallsLastRouteWithoutParameters()
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));

        var events = await TestSetup.Client(handler).GetLastAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://portal.example.com/api/2.0/security/audit/login/last", request.Uri.AbsoluteUri);
        Assert.Equal(2, events.Count);
        Assert.Equal("application/json", request.Headers["Accept"]);
    }

    [Fact]
    public async Task GetLastAsync_PortalUnderPath_KeepsThePath()
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));
        var options = TestSetup.Options(o => o.BaseUrl = new Uri("https://example.com/docspace"));

        await TestSetup.Client(handler, options).GetLastAsync();

        Assert.Equal("https://example.com/docspace/api/2.0/security/audit/login/last", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GetFilteredAsync_Fixture_ReadsEveryField()
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));

        var events = await TestSetup.Client(handler).GetFilteredAsync(new DocSpaceLoginFilter { Count = 2 });

        var first = events[0];
        Assert.Equal(48213, first.Id);
        Assert.Equal("2025-06-02T12:15:42.0000000+03:00", first.Date);
        Assert.Equal("Jane Smith", first.User);
        Assert.Equal(Guid.Parse("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"), first.UserId);
        Assert.Equal("jane.smith@example.com", first.Login);
        Assert.Equal(1000, first.ActionId);
        Assert.Equal(("Riga", "Latvia", "Chrome 125.0", "Windows 10"), (first.City, first.Country, first.Browser, first.Platform));
        Assert.Equal("https://portal.example.com/login", first.Page);
        Assert.Null(first.AdditionalProperties);
    }
}
