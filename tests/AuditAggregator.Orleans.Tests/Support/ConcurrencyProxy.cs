using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// A reverse proxy in front of one simulated account that counts the requests in flight at once: more than one
/// means two readers polled the account at the same time.
/// </summary>
internal sealed class ConcurrencyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private int _inFlight;
    private int _maxInFlight;
    private int _requests;

    private ConcurrencyProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri BaseUri { get; private set; } = null!;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<ConcurrencyProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new ConcurrencyProxy(app, new HttpClient { BaseAddress = target });
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.BaseUri = new Uri(app.Urls.First() + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _requests);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
            foreach (var (name, values) in context.Request.Headers)
            {
                if (!string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                }
            }

            using var response = await _upstream.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Content.Headers.Concat(response.Headers))
            {
                if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
