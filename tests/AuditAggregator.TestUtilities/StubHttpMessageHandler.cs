using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AuditAggregator.Testing;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers from a queue or a routing function, records every request
/// (with its body read) and fails on a request nobody planned for.
/// </summary>
public sealed class StubHttpMessageHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _queue = new();
    private readonly List<RecordedRequest> _requests = [];
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _fallback;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Queues a JSON response.</summary>
    public StubHttpMessageHandler RespondJson(string json, HttpStatusCode status = HttpStatusCode.OK, Action<HttpResponseMessage>? configure = null) =>
        Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return response;
        });

    /// <summary>Queues a response built by <paramref name="respond"/>.</summary>
    public StubHttpMessageHandler Respond(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _queue.Enqueue((r, _) => Task.FromResult(respond(r)));
        return this;
    }

    /// <summary>Queues an asynchronous responder (for slow responses or cancellation tests).</summary>
    public StubHttpMessageHandler RespondAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _queue.Enqueue(respond);
        return this;
    }

    /// <summary>Answers every request not matched by the queue with <paramref name="route"/>.</summary>
    public StubHttpMessageHandler Route(Func<HttpRequestMessage, HttpResponseMessage> route)
    {
        _fallback = (r, _) => Task.FromResult(route(r));
        return this;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase), body));
        }

        if (_queue.TryDequeue(out var next))
        {
            return await next(request, cancellationToken);
        }

        if (_fallback is not null)
        {
            return await _fallback(request, cancellationToken);
        }

        throw new InvalidOperationException($"Unexpected request: {request.Method} {request.RequestUri}");
    }
}

/// <summary>A request as the stub saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>Gets the query parameters, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty))
            .ToList();

    /// <summary>Gets the one value of query parameter <paramref name="name"/>, or null.</summary>
    public string? QueryValue(string name) => Query.Where(p => p.Key == name).Select(p => p.Value).SingleOrDefault();
}
