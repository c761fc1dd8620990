using AuditAggregator.FaultTests.Support;
using AuditAggregator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.FaultTests;

/// <summary>
/// Twenty DocSpace portals and twenty ExaVault accounts read at once in one process: each account keeps to its own
/// rate budget (measured where the requests arrive, at its own server), while the accounts run side by side.
/// </summary>
public sealed class ManyAccountsRateTests(ITestOutputHelper output)
{
    private const int Accounts = 20;
    private const int PerSecond = 4;

    [Fact]
    public async Task Feed_TwentyAccountsOfEachVendor_EachStaysWithinItsOwnRateLimitAndIsDeliveredOnce()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Now = FaultHarness.Now,
            TotalEventCount = 240,
            Accounts = Accounts,
            ConfigureDocSpace = o => (o.RateLimitEnabled, o.RateLimitPerMinute, o.AuditEventCount) = (true, PerSecond * 60, 60),
        });
        var definitions = new List<AuditSourceDefinition>();
        foreach (var portal in world.DocSpaces)
        {
            var key = portal.Options.Credentials.First(c => c.Kind == DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret;
            definitions.Add(new DocSpaceSourceDefinition(portal.Options.SourceName, portal.BaseUri, DocSpace.DocSpaceCredential.ApiKey(key)) { PageSize = 10, MaxRequestsPerSecond = PerSecond });
        }

        foreach (var account in world.ExaVaults)
        {
            definitions.Add(new ExaVaultSourceDefinition(account.Options.SourceName, account.BaseUri, account.Options.ApiKey, account.Options.AccessToken) { PageSize = 10, MaxRequestsPerSecond = PerSecond });
        }

        var sent = new SentTimes();
        var collection = new ServiceCollection();
        collection.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new SentTimesHandler(sent)));
        await using var services = collection.AddAuditSources(definitions).BuildServiceProvider();
        var feed = new AuditFeed(services.GetServices<IAuditSource>());
        var window = AuditQuery.Between(Instant.FromDateTimeOffset(FaultHarness.Now.AddDays(-31)), Instant.FromDateTimeOffset(FaultHarness.Now.AddSeconds(1)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        // A first read of an empty window opens every connection and warms the code paths, so that the measured read
        // is about the budgets, not about 40 sources starting at once.
        var empty = AuditQuery.Between(Instant.FromUtc(2020, 1, 1, 0, 0), Instant.FromUtc(2020, 1, 1, 0, 1));
        await foreach (var item in feed.ReadAsync(empty, timeout.Token))
        {
            Assert.Fail($"the empty window held {item.Id}");
        }

        await Task.Delay(TimeSpan.FromSeconds(1.1), timeout.Token);
        foreach (var log in world.DocSpaces.Select(d => d.Requests).Concat(world.ExaVaults.Select(e => e.Requests)))
        {
            log.Clear();
        }

        sent.Clear();
        var delivered = new List<AuditEvent>();
        await foreach (var item in feed.ReadAsync(window, timeout.Token))
        {
            delivered.Add(item);
        }

        // A server logs a request once its answer is written, which can be just after the client has read it.
        await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        var servers = world.DocSpaces.Select(d => (d.Options.SourceName, Requests: d.Requests.Snapshot()))
            .Concat(world.ExaVaults.Select(e => (e.Options.SourceName, Requests: e.Requests.Snapshot())))
            .ToList();
        foreach (var (name, requests) in servers)
        {
            // The limiter lets PerSecond attempts start in any sliding second, the next one a second after the first.
            // Where requests leave, a request can come a few milliseconds after its start (tens, on a machine this
            // busy), so a window of 990 ms there may see one more; over the whole read, measured where requests
            // arrive, the rate is the limit.
            const int streams = 2;
            var starts = sent.Of(requests[0].Headers["Host"]).Order().ToList();
            var perSecond = Busiest(starts, TimeSpan.FromMilliseconds(990));
            var received = requests.Select(r => r.ReceivedAt).Order().ToList();
            var span = (received[^1] - received[0]).TotalSeconds;
            output.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{name}: {requests.Count} requests over {span:0.00} s; at most {perSecond} sent within 990 ms, {Busiest(received, TimeSpan.FromMilliseconds(990))} received"));
            // A page the client gave up on (paging ahead, then ending) may be cut before the server logs it.
            Assert.True(starts.Count >= requests.Count, $"{name}: the server logged {requests.Count} requests, the client sent {starts.Count}");
            Assert.True(requests.Count >= 10, $"{name}: only {requests.Count} requests, too few to measure a rate");
            Assert.True(perSecond <= PerSecond + 1, $"{name}: {perSecond} requests sent within 990 ms, over its limit of {PerSecond} a second");
            Assert.True(requests.Count <= (PerSecond * (Math.Floor(span) + 1)) + streams, $"{name}: {requests.Count} requests arrived within {span:0.00} s, over its limit of {PerSecond} a second");
            Assert.DoesNotContain(requests, r => r.StatusCode == 429);
        }

        var all = servers.SelectMany(s => s.Requests).Select(r => r.ReceivedAt).ToList();
        var together = Busiest(all, TimeSpan.FromSeconds(1));
        output.WriteLine($"all {Accounts * 2} accounts: {all.Count} requests, at most {together} within one second");
        Assert.True(together > PerSecond * 5, $"at most {together} requests a second across {Accounts * 2} accounts: they did not run side by side on budgets of their own");

        foreach (var (log, name) in world.DocSpaces.Select(d => (new[] { d.Data.Login, d.Data.Audit }, d.Options.SourceName))
            .Concat(world.ExaVaults.Select(e => (new[] { e.Data.Session, e.Data.Webhooks }, e.Options.SourceName))))
        {
            var expected = log.SelectMany(l => l.EventsBetween(FaultHarness.Now.AddDays(-31), FaultHarness.Now)).Select(r => r.AuditId).ToHashSet(StringComparer.Ordinal);
            Delivery.AssertExactlyOnce(output, $"{Accounts} accounts of each vendor at once", name, expected, [.. delivered.Where(e => e.Source == name).Select(e => e.Id)]);
        }
    }

    private static int Busiest(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var most = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    /// <summary>When each request left the client, per server (host and port).</summary>
    private sealed class SentTimes
    {
        private readonly Dictionary<string, List<DateTimeOffset>> _times = new(StringComparer.Ordinal);

        public void Add(string server, DateTimeOffset time)
        {
            lock (_times)
            {
                if (!_times.TryGetValue(server, out var list))
                {
                    _times[server] = list = [];
                }

                list.Add(time);
            }
        }

        public void Clear()
        {
            lock (_times)
            {
                _times.Clear();
            }
        }

        public List<DateTimeOffset> Of(string server)
        {
            lock (_times)
            {
                return _times.TryGetValue(server, out var list) ? [.. list] : [];
            }
        }
    }

    private sealed class SentTimesHandler(SentTimes times) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            times.Add(request.RequestUri!.Authority, TimeProvider.System.GetUtcNow());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
