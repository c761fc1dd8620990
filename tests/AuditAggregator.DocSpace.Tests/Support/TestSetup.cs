using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// Builds API clients, sources and report helpers over a stub handler, the way the registration composes them
/// (credential handler, Refit client over the portal's address), with options fast enough for tests.
/// </summary>
internal static class TestSetup
{
    public const string ApiKey = "sk-test-2f9c4b7d1e8a6f3c5b0d";
    public static readonly Uri BaseUrl = new("https://portal.example.com");

    public static DocSpaceOptions Options(Action<DocSpaceOptions>? configure = null)
    {
        var options = new DocSpaceOptions { BaseUrl = BaseUrl, ApiKey = ApiKey };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(2);
        options.Resilience.MaxRetryAfter = TimeSpan.FromMilliseconds(5);
        options.Resilience.MaxRetryAttempts = 3;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The Refit client over the stub, carrying the options' credential.</summary>
    public static IDocSpaceLoginHistoryApi Api(HttpMessageHandler handler, DocSpaceOptions? options = null, string source = DocSpaceSourceNames.Source)
    {
        options ??= Options();
        var credential = new DocSpaceCredentialHandler(CredentialResolver.Resolve(options), source) { InnerHandler = handler };
        return RestService.For<IDocSpaceLoginHistoryApi>(new HttpClient(credential) { BaseAddress = options.BaseUrl });
    }

    /// <summary>The audit-trail Refit client over the stub, carrying the options' credential.</summary>
    public static IDocSpaceAuditTrailApi TrailApi(HttpMessageHandler handler, DocSpaceOptions? options = null, string source = DocSpaceSourceNames.Source)
    {
        options ??= Options();
        var credential = new DocSpaceCredentialHandler(CredentialResolver.Resolve(options), source) { InnerHandler = handler };
        return RestService.For<IDocSpaceAuditTrailApi>(new HttpClient(credential) { BaseAddress = options.BaseUrl });
    }

    /// <summary>A source over the stub that reads both streams, <c>login</c> and <c>audit</c>.</summary>
    public static DocSpaceAuditSource FullSource(StubHttpMessageHandler handler, DocSpaceOptions? options = null, TimeProvider? time = null)
    {
        options ??= Options();
        return new DocSpaceAuditSource(Api(handler, options), TrailApi(handler, options), options, time ?? TimeProvider.System);
    }

    /// <summary>A source over the stub that reads only the audit trail.</summary>
    public static IAuditSource TrailSource(StubHttpMessageHandler handler, DocSpaceOptions? options = null) =>
        new StreamOnly(FullSource(handler, options), DocSpaceSourceNames.AuditStream);

    /// <summary>
    /// A source over the stub; retries wait a millisecond on the system clock, because the fake clock's
    /// auto-advance would also fire the attempt timeout.
    /// </summary>
    public static DocSpaceAuditSource Source(StubHttpMessageHandler handler, DocSpaceOptions? options = null)
    {
        options ??= Options();
        return new DocSpaceAuditSource(Api(handler, options), options, TimeProvider.System);
    }

    public static DocSpaceReports Reports(StubHttpMessageHandler handler, DocSpaceOptions? options = null, TimeProvider? time = null)
    {
        options ??= Options();
        return new DocSpaceReports(Api(handler, options), options.BaseUrl!, time ?? new FakeTimeProvider()) { PollInterval = options.ReportPollInterval };
    }

    /// <summary>
    /// One page request and parse as the source makes it, without the retry layer: the first page of 100.
    /// </summary>
    public static Task<List<AuditEvent>> ReadPageAsync(HttpMessageHandler handler, TimeProvider? time = null, DocSpaceOptions? options = null, LoginPageParser? parser = null)
    {
        var api = Api(handler, options);
        parser ??= new LoginPageParser();
        return DocSpaceCall.ReadAsync(
            parser.Source,
            token => api.GetFilterAsync(count: 100, startIndex: 0, cancellationToken: token),
            (response, token) => DocSpacePageBody.ReadLoginAsync(response, parser, 100, token),
            time ?? new FakeTimeProvider(),
            CancellationToken.None);
    }

    public static async Task<List<AuditEvent>> ReadAllAsync(this IAuditSource source, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var events = new List<AuditEvent>();
        await foreach (var item in source.ReadAsync(query, cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>Reads one stream of a source, as a query naming only that stream does.</summary>
    private sealed class StreamOnly(IAuditSource inner, string stream) : IAuditSource
    {
        public string Name => inner.Name;

        public IReadOnlyCollection<string> Streams => [stream];

        public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(query with { Streams = [stream] }, cancellationToken);
    }
}
