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
            ConfigureDocSpace = o => (o.RateLimitEnabled, o.RateLimitPerMinute) = (true, PerSecond * 60),
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
        var delivered = new List<AuditEvent>();
        await foreach (var item in feed.ReadAsync(window, timeout.Token))
        {
            delivered.Add(item);
        }

        var servers = world.DocSpaces.Select(d => (d.Options.SourceName, Requests: d.Requests.Snapshot()))
            .Concat(world.ExaVaults.Select(e => (e.Options.SourceName, Requests: e.Requests.Snapshot())))
            .ToList();
        foreach (var (name, requests) in servers)
        {
            // The limiter counts the start of each attempt in any sliding second. The request leaves the client a little
            // later, the first one of each log the latest (it opens the connection while 40 sources start on a busy
            // machine), so where requests leave, a second can hold one more per log read at once; over the whole read
            // the rate is the limit itself.
            var logs = name.StartsWith("exavault", StringComparison.Ordinal) ? 2 : 1;
            var starts = sent.Of(requests[0].Headers["Host"]).Order().ToList();
            var perSecond = Busiest(starts, TimeSpan.FromSeconds(1));
            var received = requests.Select(r => r.ReceivedAt).Order().ToList();
            var span = (received[^1] - received[0]).TotalSeconds;
            output.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{name}: {requests.Count} requests over {span:0.00} s; at most {perSecond} sent and {Busiest(received, TimeSpan.FromSeconds(1))} received in 1 s"));
            Assert.Equal(requests.Count, starts.Count);
            Assert.True(requests.Count >= 10, $"{name}: only {requests.Count} requests, too few to measure a rate");
            Assert.True(perSecond <= PerSecond + logs, $"{name}: {perSecond} requests sent within a second, over its limit of {PerSecond}");
            Assert.True(requests.Count - 1 <= PerSecond * Math.Ceiling(span), $"{name}: {requests.Count} requests arrived within {span:0.00} s, over its limit of {PerSecond} a second");
            Assert.DoesNotContain(requests, r => r.StatusCode == 429);
        }

        var all = servers.SelectMany(s => s.Requests).Select(r => r.ReceivedAt).ToList();
        var together = Busiest(all, TimeSpan.FromSeconds(1));
        output.WriteLine($"all {Accounts * 2} accounts: {all.Count} requests, at most {together} within one second");
        Assert.True(together > PerSecond * 5, $"at most {together} requests a second across {Accounts * 2} accounts: they did not run side by side on budgets of their own");

        foreach (var (log, name) in world.DocSpaces.Select(d => (new[] { d.Data.Login }, d.Options.SourceName))
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
