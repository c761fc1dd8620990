using System.Net;
using System.Text;
using System.Text.Json;
using AuditAggregator.DocSpace.Tests.Support;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Client;

/// <summary>
/// No failure, of any status and any scheme, on the source's path or the report helper's, shows the credential in
/// its message, its ToString, the request's address, or the logs.
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

    private static DocSpaceOptions Options(string scheme) => TestSetup.Options(o =>
    {
        o.ApiKey = null;
        o.Resilience.MaxRetryAttempts = 0;
        o.Credential = scheme switch
        {
            "ApiKey" => DocSpaceCredential.ApiKey(Secret),
            "Bearer" => DocSpaceCredential.Bearer(Secret),
            "Provider" => DocSpaceCredential.Bearer(_ => ValueTask.FromResult(Secret)),
            "Basic" => DocSpaceCredential.Basic("admin@example.com", Secret),
            _ => DocSpaceCredential.SessionCookie(Secret),
        };
    });

    public static TheoryData<string, int> EchoCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var scheme in new[] { "ApiKey", "Bearer", "Provider", "Basic", "Cookie" })
        {
            foreach (var status in new[] { 200, 401, 500 })
            {
                data.Add(scheme, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EchoCases))]
    public async Task ErrorMessageEchoingTheCredential_RedactedFromTheException(string scheme, int status)
    {
        // The vendor's error.message is kept for the user, so a server that quotes the request's credential in it
        // (as header values, or the bare secret) must have it cut out; 200 is an error inside a success envelope.
        var handler = new StubHttpMessageHandler().Route(request => new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new
                {
                    status = 1,
                    statusCode = status == 200 ? 403 : status,
                    error = new { message = $"Rejected {string.Join(" and ", request.Headers.SelectMany(h => h.Value))} (secret {Secret}) for admin@example.com" },
                }),
                Encoding.UTF8,
                "application/json"),
        });
        var options = Options(scheme);
        var source = new DocSpaceAuditSource(TestSetup.Api(handler, options), options, TimeProvider.System);

        var read = await Assert.ThrowsAsync<AuditSourceException>(() => source.ReadAllAsync(AuditQuery.All));
        var report = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Reports(handler, options).CreateAsync());

        var encodedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin@example.com:" + Secret));
        foreach (var ex in new[] { read, report })
        {
            Assert.NotNull(ex.VendorMessage);
            Assert.StartsWith("Rejected ", ex.VendorMessage, StringComparison.Ordinal);
            Assert.EndsWith("for admin@example.com", ex.VendorMessage, StringComparison.Ordinal);
            foreach (var text in new[] { ex.VendorMessage, ex.ToString() })
            {
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(encodedBasic, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(EchoCases))]
    public async Task ErrorMessageCutInsideTheCredential_ShowsNoPartOfIt(string scheme, int status)
    {
        // A vendor message is kept to its first AuditSourceException.MaxVendorMessageLength characters; one that
        // quotes the secret right at that point must not keep the secret's beginning either.
        var lead = new string('x', AuditSourceException.MaxVendorMessageLength - 12);
        var handler = new StubHttpMessageHandler().Route(_ => new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { status = 1, statusCode = status == 200 ? 403 : status, error = new { message = $"{lead}{Secret} was rejected" } }),
                Encoding.UTF8,
                "application/json"),
        });
        var options = Options(scheme);
        var source = new DocSpaceAuditSource(TestSetup.Api(handler, options), options, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<AuditSourceException>(() => source.ReadAllAsync(AuditQuery.All));

        Assert.NotNull(ex.VendorMessage);
        Assert.StartsWith(lead, ex.VendorMessage, StringComparison.Ordinal);
        foreach (var text in new[] { ex.VendorMessage, ex.Message, ex.ToString() })
        {
            Assert.DoesNotContain(Secret[..6], text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnyFailure_NeverShowsTheCredential(string scheme, int status)
    {
        var handler = new StubHttpMessageHandler().Route(request => new HttpResponseMessage((HttpStatusCode)status)
        {
            // A hostile or buggy server echoing the request's credential must not get it into our message.
            Content = new StringContent(status == 200 ? "{\"response\":" : $"{{\"status\":1,\"error\":{{\"message\":\"bad\",\"stack\":\"{request.Headers}\"}}}}", Encoding.UTF8, "application/json"),
        });
        var options = Options(scheme);
        var logs = new CollectingLoggerProvider();
        var source = new DocSpaceAuditSource(TestSetup.Api(handler, options), options, TimeProvider.System, logs.CreateLogger<DocSpaceAuditSource>());

        var read = await Assert.ThrowsAsync<AuditSourceException>(() => source.ReadAllAsync(AuditQuery.All));
        var report = await Assert.ThrowsAsync<AuditSourceException>(() => TestSetup.Reports(handler, options).CreateAsync());

        var encodedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin@example.com:" + Secret));
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Contains(r.Headers.Values, v => v.Contains(Secret, StringComparison.Ordinal) || v.Contains(encodedBasic, StringComparison.Ordinal)));
        foreach (var text in new[] { read.ToString(), report.ToString(), string.Join('\n', logs.Lines), options.Credential!.ToString() }.Concat(handler.Requests.Select(r => r.Uri.AbsoluteUri)))
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(encodedBasic, text, StringComparison.Ordinal);
        }
    }
}
