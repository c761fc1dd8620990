using System.Reactive.Linq;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Feed;

public class AuditFeedTests
{
    private static readonly Instant T = Instant.FromUtc(2025, 6, 2, 12, 0);

    [Fact]
    public async Task ReadAsync_MergesNewestFirst_TiesBySourceStreamAndId()
    {
        var a = new SyntheticSource("docspace", [
            SyntheticSource.Create("docspace", "login", 7, T),
            SyntheticSource.Create("docspace", "login", 8, T),
            SyntheticSource.Create("docspace", "login", 3, T - Duration.FromSeconds(5)),
        ]);
        var b = new SyntheticSource("exavault", [
            SyntheticSource.Create("exavault", "session", 100, T),
            SyntheticSource.Create("exavault", "webhook", 2, T),
            SyntheticSource.Create("exavault", "session", 99, T + Duration.FromSeconds(1)),
            SyntheticSource.Create("exavault", "session", 98, T - Duration.FromSeconds(9)),
        ]);

        var ids = await new AuditFeed([a, b]).ReadAsync(AuditQuery.All).Select(e => e.Id).ToListAsync();

        Assert.Equal(
            ["exavault:session:99", "exavault:webhook:2", "exavault:session:100", "docspace:login:8", "docspace:login:7",
             "docspace:login:3", "exavault:session:98"],
            ids);
    }

    [Fact]
    public async Task ReadAsync_ManySources_OutputIsSortedAndComplete()
    {
        var sources = Enumerable.Range(0, 5)
            .Select(i => new SyntheticSource($"s{i}", 1_000, T - Duration.FromSeconds(i), Duration.FromSeconds(i + 1)))
            .ToArray();

        var events = await new AuditFeed(sources).ReadAsync(AuditQuery.All).ToListAsync();

        Assert.Equal(5_000, events.Count);
        Assert.Equal(events.Order(AuditEventOrder.NewestFirst), events);
    }

    [Fact]
    public async Task ReadAsync_DuplicateEventsFromASource_DeliveredOnce()
    {
        var e1 = SyntheticSource.Create("docspace", "login", 1, T);
        var e2 = SyntheticSource.Create("docspace", "login", 2, T);
        var duplicating = new DuplicatingSource("docspace", [e2, e2, e1, e1, e1]);

        var ids = await new AuditFeed([duplicating]).ReadAsync(AuditQuery.All).Select(e => e.Id).ToListAsync();

        Assert.Equal(["docspace:login:2", "docspace:login:1"], ids);
    }

    [Fact]
    public async Task ReadAsync_SourceFails_FeedFailsNamingTheSource()
    {
        var healthy = new SyntheticSource("exavault", 100, T, Duration.FromSeconds(1));
        var failing = new SyntheticSource("docspace", 100, T, Duration.FromSeconds(1))
        {
            FailAfter = 10,
            FailWith = new InvalidOperationException("boom"),
        };

        var ex = await Assert.ThrowsAsync<AuditSourceException>(
            () => new AuditFeed([healthy, failing]).ReadAsync(AuditQuery.All).ToListAsync().AsTask());

        Assert.Equal("docspace", ex.SourceName);
        Assert.StartsWith("docspace: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("boom", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public async Task ReadAsync_SourceThrowsAuditSourceException_KeepsStatusAndVendorCode()
    {
        var failing = new SyntheticSource("exavault", 10, T, Duration.FromSeconds(1))
        {
            FailAfter = 0,
            FailWith = new AuditSourceException("exavault", AuditErrorKind.Authentication, "The API key or access token was rejected.", 401, "ERROR_INVALID_CREDENTIALS"),
        };

        var ex = await Assert.ThrowsAsync<AuditSourceException>(
            () => new AuditFeed([failing]).ReadAsync(AuditQuery.All).ToListAsync().AsTask());

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("ERROR_INVALID_CREDENTIALS", ex.VendorErrorCode);
        Assert.Equal("exavault: HTTP 401: The API key or access token was rejected. (vendor said: ERROR_INVALID_CREDENTIALS)", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_ContinueWithOthers_DeliversHealthySourceAndReportsGap()
    {
        var healthy = new SyntheticSource("exavault", 100, T, Duration.FromSeconds(1));
        var failing = new SyntheticSource("docspace", 100, T, Duration.FromSeconds(1))
        {
            FailAfter = 10,
            FailWith = new InvalidOperationException("boom"),
        };
        var failures = new List<AuditSourceFailure>();
        var logs = new CollectingLoggerProvider();
        var options = new AuditFeedOptions { OnSourceFailure = SourceFailureMode.ContinueWithOthers, SourceFailed = failures.Add };

        var events = await new AuditFeed([healthy, failing], options, logs.CreateLogger<AuditFeed>()).ReadAsync(AuditQuery.All).ToListAsync();

        Assert.Equal(100, events.Count(e => e.Source == "exavault"));
        Assert.Equal(10, events.Count(e => e.Source == "docspace"));
        var failure = Assert.Single(failures);
        Assert.Equal("docspace", failure.SourceName);
        Assert.Equal(10, failure.EventsDelivered);
        Assert.Equal(T - Duration.FromSeconds(9), failure.OldestDelivered);
        Assert.Contains(logs.Lines, l => l.Contains("docspace failed after 10 events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_QuerySourceFilter_ReadsOnlyNamedSources()
    {
        var a = new SyntheticSource("docspace", 10, T, Duration.FromSeconds(1));
        var b = new SyntheticSource("exavault", 10, T, Duration.FromSeconds(1));

        var events = await new AuditFeed([a, b]).ReadAsync(AuditQuery.All with { Sources = ["exavault"] }).ToListAsync();

        Assert.All(events, e => Assert.Equal("exavault", e.Source));
        Assert.Equal(0, a.ReadsStarted);
    }

    [Fact]
    public void Constructor_DuplicateSourceNames_Throws()
    {
        var a = new SyntheticSource("docspace", 1, T, Duration.FromSeconds(1));
        var b = new SyntheticSource("DocSpace", 1, T, Duration.FromSeconds(1));

        var ex = Assert.Throws<ArgumentException>(() => new AuditFeed([a, b]));

        Assert.Contains("docspace", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_CancelsSourceReads()
    {
        var source = new SyntheticSource("docspace", 1_000_000, T, Duration.FromMilliseconds(1));

        await foreach (var unused in new AuditFeed([source]).ReadAsync(AuditQuery.All))
        {
            break;
        }

        Assert.True(source.WasCancelled);
        Assert.True(source.Produced < 1_000);
    }

    [Fact]
    public async Task Observe_IsCold_OneReadPerSubscription()
    {
        var source = new SyntheticSource("docspace", 20, T, Duration.FromSeconds(1));
        var feed = new AuditFeed([source]);
        var observable = feed.Observe(AuditQuery.All);

        Assert.Equal(0, source.ReadsStarted);
        var first = await observable.ToList();
        var second = await observable.ToList();

        Assert.Equal(20, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(2, source.ReadsStarted);
    }

    [Fact]
    public async Task Observe_SourceFails_OnErrorNamesTheSource()
    {
        var failing = new SyntheticSource("exavault", 10, T, Duration.FromSeconds(1)) { FailAfter = 3 };

        var ex = await Assert.ThrowsAsync<AuditSourceException>(async () => await new AuditFeed([failing]).Observe(AuditQuery.All).ToList());

        Assert.Equal("exavault", ex.SourceName);
    }

    private sealed class DuplicatingSource(string name, IReadOnlyList<AuditEvent> events) : IAuditSource
    {
        public string Name => name;

        public IReadOnlyCollection<string> Streams => ["login"];

        public IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            events.ToAsyncEnumerable();
    }
}
