using System.Net;
using System.Text;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

/// <summary>
/// No failure, of any status and any scheme, shows the credential in its message or its ToString.
/// </summary>
public class CredentialLeakTests
{
    private const string Secret = "sk-LEAKCHECK-9f8e7d6c5b4a";

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var scheme in new[] { "ApiKey", "Bearer", "Provider", "Basic", "Cookie" })
        {
            foreach (var status in new[] { 200, 400, 401, 402, 403, 429, 500, 502 })
            {
                data.Add(scheme, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnyFailure_NeverShowsTheCredential(string scheme, int status)
    {
        var handler = new StubHttpMessageHandler().Respond(request => new HttpResponseMessage((HttpStatusCode)status)
        {
            // A hostile or buggy server echoing the request's credential must not get it into our message.
            Content = new StringContent(status == 200 ? "{\"response\":" : $"{{\"status\":1,\"error\":{{\"message\":\"bad\",\"stack\":\"{request.Headers}\"}}}}", Encoding.UTF8, "application/json"),
        });
        var options = TestSetup.Options(o =>
        {
            o.ApiKey = null;
            o.Credential = scheme switch
            {
                "ApiKey" => DocSpaceCredential.ApiKey(Secret),
                "Bearer" => DocSpaceCredential.Bearer(Secret),
                "Provider" => DocSpaceCredential.Bearer(_ => ValueTask.FromResult(Secret)),
                "Basic" => DocSpaceCredential.Basic("admin@example.com", Secret),
                _ => DocSpaceCredential.SessionCookie(Secret),
            };
        });

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Client(handler, options).GetLastAsync());

        var encodedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin@example.com:" + Secret));
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(encodedBasic, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, options.Credential!.ToString(), StringComparison.Ordinal);
    }
}
