using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// Builds clients and sources over a stub handler, with options fast enough for tests.
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

    public static DocSpaceLoginHistoryClient Client(StubHttpMessageHandler handler, DocSpaceOptions? options = null, TimeProvider? time = null) =>
        new(new HttpClient(handler), options ?? Options(), time ?? new FakeTimeProvider());

    /// <summary>
    /// A source over the stub; retries wait a millisecond on the system clock, because the fake clock's
    /// auto-advance would also fire the attempt timeout.
    /// </summary>
    public static DocSpaceAuditSource Source(StubHttpMessageHandler handler, DocSpaceOptions? options = null)
    {
        options ??= Options();
        return new DocSpaceAuditSource(Client(handler, options, TimeProvider.System), options, TimeProvider.System);
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
}
