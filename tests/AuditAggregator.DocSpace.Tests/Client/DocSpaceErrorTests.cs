using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

public class DocSpaceErrorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static async Task<AuditSourceException> FailAsync(HttpResponseMessage response)
    {
        var handler = new StubHttpMessageHandler().Respond(_ => response);
        return await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.ReadPageAsync(handler, new FakeTimeProvider(Now)));
    }

    private static HttpResponseMessage Empty(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    [Fact]
    public async Task BadRequest_WrappedInSuccessEnvelope_ReportsProblemDetails()
    {
        var ex = await FailAsync(Fixture.Response("error.400.wrapped.json", HttpStatusCode.BadRequest));

        Assert.Equal(AuditErrorKind.BadRequest, ex.Kind);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("One or more validation errors occurred. count: The field count must be between 1 and 100.", ex.VendorMessage);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task Unauthorized_EmptyBody_IsAuthentication()
    {
        var ex = await FailAsync(Empty(HttpStatusCode.Unauthorized));

        Assert.Equal(AuditErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.StatusCode);
        Assert.Null(ex.VendorMessage);
        Assert.Equal("docspace", ex.SourceName);
        Assert.Contains("credential", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentRequired_WithMessage_IsPlanAndSaysWhatItMeans()
    {
        var ex = await FailAsync(Fixture.Response("error.402.plan.json", HttpStatusCode.PaymentRequired));

        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
        Assert.Equal("Your pricing plan does not support this option", ex.VendorMessage);
        Assert.Contains("pricing plan does not include the login history", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task PaymentRequired_EmptyBody_MeansUnpaidPortal()
    {
        var ex = await FailAsync(Empty(HttpStatusCode.PaymentRequired));

        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
        Assert.Contains("unpaid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_IsAuthorizationAndNamesTheAdminRight()
    {
        var ex = await FailAsync(Fixture.Response("error.403.json", HttpStatusCode.Forbidden));

        Assert.Equal(AuditErrorKind.Authorization, ex.Kind);
        Assert.Equal("Access denied", ex.VendorMessage);
        Assert.Contains("administrator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterSeconds_SetsRetryAfter()
    {
        var response = Empty(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(42));

        var ex = await FailAsync(response);

        Assert.Equal(AuditErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(42), ex.RetryAfter);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterDate_MeasuredFromTheInjectedClock()
    {
        var response = Empty(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(90));

        var ex = await FailAsync(response);

        Assert.Equal(TimeSpan.FromSeconds(90), ex.RetryAfter);
    }

    [Fact]
    public async Task ServerError_VendorStackNeverInMessage()
    {
        var ex = await FailAsync(Fixture.Response("error.500.json", HttpStatusCode.InternalServerError));

        Assert.Equal(AuditErrorKind.Server, ex.Kind);
        Assert.Equal("Object reference not set to an instance of an object.", ex.VendorMessage);
        Assert.DoesNotContain("LoginEventsRepository", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("NullReferenceException", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task ProxyError_HtmlBody_KeepsOnlyThePageTitle(HttpStatusCode status)
    {
        var ex = await FailAsync(Fixture.Response("error.502.html", status, "text/html"));

        Assert.Equal(AuditErrorKind.Server, ex.Kind);
        Assert.Equal("502 Bad Gateway", ex.VendorMessage);
        Assert.DoesNotContain("<", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nginx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_TruncatedJson_IsMalformedAndTransient()
    {
        var body = Fixture.Read("login-filter.200.json")[..300];

        var ex = await FailAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Success_JsonOfAnotherShape_IsMalformed()
    {
        var ex = await FailAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"response\":\"oops\"}", Encoding.UTF8, "application/json") });

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public async Task Success_EnvelopeWithoutResponse_IsMalformed()
    {
        var ex = await FailAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"status\":0}", Encoding.UTF8, "application/json") });

        Assert.Equal(AuditErrorKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public async Task Success_EnvelopeWithStatusOne_IsAnError()
    {
        var ex = await FailAsync(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"status\":1,\"statusCode\":400,\"error\":{\"message\":\"Invalid action\"}}", Encoding.UTF8, "application/json"),
        });

        Assert.Equal(AuditErrorKind.BadRequest, ex.Kind);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("Invalid action", ex.VendorMessage);
    }

    [Fact]
    public async Task Success_HtmlPage_IsConfigurationNotRetried()
    {
        var ex = await FailAsync(Fixture.Response("error.502.html", HttpStatusCode.OK, "text/html"));

        Assert.Equal(AuditErrorKind.Configuration, ex.Kind);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task NotFound_SaysToCheckTheBaseUrl()
    {
        var ex = await FailAsync(Empty(HttpStatusCode.NotFound));

        Assert.Equal(AuditErrorKind.NotFound, ex.Kind);
        Assert.Contains("base URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedSource_ErrorsCarryItsName()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => Empty(HttpStatusCode.Unauthorized));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.ReadPageAsync(handler, parser: new Internal.LoginPageParser("acme-docspace")));

        Assert.Equal("acme-docspace", ex.SourceName);
        Assert.StartsWith("acme-docspace", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionFailure_IsNetwork()
    {
        var handler = new StubHttpMessageHandler().Respond(_ => throw new HttpRequestException("Connection refused (portal.example.com:443)"));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.ReadPageAsync(handler));

        Assert.Equal(AuditErrorKind.Network, ex.Kind);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }
}
