using AuditAggregator.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// The demo's Orleans client: it requests the backfills and reads the status grains, through any live gateway.
/// </summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterClient> ConnectAsync(string redisEndpoint, string clusterId, int silos, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client =>
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redisEndpoint));
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = "audit-aggregator";
                });
            });
            var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                var connected = new ClusterClient(host);
                await connected.WaitForSilosAsync(silos, deadline, cancellationToken).ConfigureAwait(false);
                return connected;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not CollectorException && DateTimeOffset.UtcNow < deadline)
            {
                host.Dispose();
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<SourceStatus[]> ReadStatusesAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        var statuses = new SourceStatus[sources.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sources.Select((s, i) => (s, i)), parallel, async (item, ct) =>
            statuses[item.i] = await RetryAsync(() => Client.GetGrain<ISourceStatusGrain>(item.s).GetAsync(), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return statuses;
    }

    public Task BackfillAsync(IReadOnlyCollection<string> sources, BackfillWindow window, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(sources, parallel, async (source, ct) =>
            await RetryAsync(async () =>
            {
                await Client.GetGrain<ISourceCollectorGrain>(source).BackfillAsync(window).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>
    /// Calls again while the cluster is in a failover window (calls to a dead silo are rejected until it is declared dead).
    /// </summary>
    internal static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException && attempt < 30)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task WaitForSilosAsync(int silos, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        while (true)
        {
            var hosts = await management.GetHosts(true, cancellationToken).ConfigureAwait(false);
            if (hosts.Count == silos)
            {
                // Every silo refreshes its view of the membership table on its own period; let them all see each other.
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new CollectorException($"Only {hosts.Count} of {silos} silos joined the cluster within 90 s; see the silo logs.");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }
}
