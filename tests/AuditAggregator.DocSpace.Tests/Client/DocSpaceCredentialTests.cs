using System.Text;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

public class DocSpaceCredentialTests
{
    private static async Task<RecordedRequest> SendWithAsync(Action<DocSpaceOptions> credential)
    {
        var handler = new StubHttpMessageHandler().RespondJson(Fixture.Read("login-filter.200.json"));
        var options = TestSetup.Options(o =>
        {
            o.ApiKey = null;
            credential(o);
        });

        using var response = await TestSetup.Api(handler, options).GetLastAsync();
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ApiKey_SentAsBearerAuthorization_NotAsApiKeyBearerHeader()
    {
        var request = await SendWithAsync(o => o.Credential = DocSpaceCredential.ApiKey("sk-abc123"));

        Assert.Equal("Bearer sk-abc123", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("ApiKeyBearer"));
        Assert.False(request.Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task ApiKeyOption_SentAsBearerAuthorization()
    {
        var request = await SendWithAsync(o => o.ApiKey = "sk-from-config");

        Assert.Equal("Bearer sk-from-config", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task AccessToken_SentAsBearerAuthorization()
    {
        var request = await SendWithAsync(o => o.AccessToken = "eyJhbGciOiJSUzI1NiJ9.e30.sig");

        Assert.Equal("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task TokenProvider_AskedBeforeEveryRequest_SoRotatedTokensArePickedUp()
    {
        var handler = new StubHttpMessageHandler()
            .RespondJson(Fixture.Read("login-filter.200.json"))
            .RespondJson(Fixture.Read("login-filter.200.json"));
        var calls = 0;
        var options = TestSetup.Options(o =>
        {
            o.ApiKey = null;
            o.Credential = DocSpaceCredential.Bearer(_ => ValueTask.FromResult("jwt-" + ++calls));
        });
        var api = TestSetup.Api(handler, options);

        (await api.GetLastAsync()).Dispose();
        (await api.GetLastAsync()).Dispose();

        Assert.Equal(["Bearer jwt-1", "Bearer jwt-2"], handler.Requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task TokenProvider_ReturnsEmpty_FailsAsAuthenticationWithoutRequest()
    {
        var handler = new StubHttpMessageHandler();
        var options = TestSetup.Options(o =>
        {
            o.ApiKey = null;
            o.Credential = DocSpaceCredential.Bearer(_ => ValueTask.FromResult(string.Empty));
        });

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Source(handler, options).ReadAllAsync(AuditQuery.All));

        Assert.Equal(AuditErrorKind.Authentication, ex.Kind);
        Assert.Equal("docspace", ex.SourceName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Basic_SentAsBase64OfEmailColonPasswordInUtf8()
    {
        var request = await SendWithAsync(o =>
        {
            o.Email = "admin@example.com";
            o.Password = "pä55:word";
        });

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin@example.com:pä55:word"));
        Assert.Equal("Basic " + expected, request.Headers["Authorization"]);
    }

    [Fact]
    public async Task SessionToken_SentAsAscAuthKeyCookie_WithoutAuthorization()
    {
        var request = await SendWithAsync(o => o.Credential = DocSpaceCredential.SessionCookie("8kXu0Ab3Fz1Q"));

        Assert.Equal("asc_auth_key=8kXu0Ab3Fz1Q", request.Headers["Cookie"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("Bearer")]
    [InlineData("Basic")]
    [InlineData("SessionCookie")]
    public void ToString_NamesTheSchemeButNeverTheSecret(string scheme)
    {
        const string Secret = "s3cr3t-value-42";
        var credential = scheme switch
        {
            "ApiKey" => DocSpaceCredential.ApiKey(Secret),
            "Bearer" => DocSpaceCredential.Bearer(Secret),
            "Basic" => DocSpaceCredential.Basic("admin@example.com", Secret),
            _ => DocSpaceCredential.SessionCookie(Secret),
        };

        var text = credential.ToString();

        Assert.Contains(scheme, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("admin@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_ValueWithLineBreak_RejectedWithoutEchoingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => DocSpaceCredential.ApiKey("sk-evil\r\nX-Injected: 1"));

        Assert.DoesNotContain("sk-evil", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DocSpaceCredential.SessionCookie("a;b"));
        Assert.Throws<ArgumentException>(() => DocSpaceCredential.Basic("a:b@example.com", "pw"));
        Assert.Throws<ArgumentException>(() => DocSpaceCredential.Bearer(" "));
    }
}
