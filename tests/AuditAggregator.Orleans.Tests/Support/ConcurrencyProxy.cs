using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// A reverse proxy in front of one simulated account that counts the reading processes with requests in flight at
/// once: more than one means two silos polled the account at the same time. One reader fetches several pages at once
/// (the source's concurrent paging), so requests in flight alone say nothing; each request is traced to the process
/// that owns its client socket (<see cref="SocketOwners"/>).
/// </summary>
internal sealed class ConcurrencyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _inFlightByReader = [];
    private readonly Dictionary<string, int> _readerByConnection = new(StringComparer.Ordinal);
    private int _maxReaders;
    private int _maxInFlight;
    private int _requests;

    private ConcurrencyProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Gets the most reading processes that had requests in flight at the same time.</summary>
    public int MaxReaders
    {
        get
        {
            lock (_gate)
            {
                return _maxReaders;
            }
        }
    }

    /// <summary>Gets the most requests in flight at the same time, from all readers.</summary>
    public int MaxInFlight
    {
        get
        {
            lock (_gate)
            {
                return _maxInFlight;
            }
        }
    }

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
        Interlocked.Increment(ref _requests);
        var reader = ReaderOf(context.Connection);
        lock (_gate)
        {
            _inFlightByReader[reader] = _inFlightByReader.GetValueOrDefault(reader) + 1;
            _maxReaders = Math.Max(_maxReaders, _inFlightByReader.Count);
            _maxInFlight = Math.Max(_maxInFlight, _inFlightByReader.Values.Sum());
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
            lock (_gate)
            {
                if (--_inFlightByReader[reader] == 0)
                {
                    _inFlightByReader.Remove(reader);
                }
            }
        }
    }

    /// <summary>Gets the process that opened <paramref name="connection"/>, looked up once per connection.</summary>
    private int ReaderOf(ConnectionInfo connection)
    {
        lock (_gate)
        {
            if (_readerByConnection.TryGetValue(connection.Id, out var known))
            {
                return known;
            }
        }

        var owner = SocketOwners.ProcessOfClientPort(connection.RemotePort);
        Assert.True(owner is not null, $"No process owns the client side of the proxy's connection from port {connection.RemotePort}.");
        lock (_gate)
        {
            _readerByConnection[connection.Id] = owner.Value;
        }

        return owner.Value;
    }
}
