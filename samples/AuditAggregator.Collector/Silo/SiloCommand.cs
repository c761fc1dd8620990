using System.Net;
using AuditAggregator.Collector.Configuration;
using AuditAggregator.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace AuditAggregator.Collector.Silo;

/// <summary>
/// One silo: Redis for membership and reminders, PostgreSQL for events and checkpoints, sources from the sources file.
/// </summary>
internal static class SiloCommand
{
    public static async Task RunAsync(SiloSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("AuditAggregator.AuditFollower", LogLevel.Warning);

        using var bootLogging = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var catalog = await SourcesFileCatalog.LoadAsync(settings.SourcesFile, bootLogging, cancellationToken).ConfigureAwait(false);
        await using (catalog.ConfigureAwait(false))
        {
            builder.Services.AddSingleton(catalog);
            builder.Services.AddSingleton<IAuditSourceCatalog>(catalog);
            builder.Services.AddHostedService<SourcesFileWatcher>();
            builder.Services.AddPostgreSqlAuditStore(o =>
            {
                o.ConnectionString = settings.PostgresConnectionString;
                o.Schema = settings.Schema;
            });
            builder.Services.AddAuditCollectorGrains(o =>
            {
                o.FollowEnabled = settings.Follow;
                o.FollowInterval = settings.FollowInterval;
                o.BackfillRetryInterval = settings.BackfillRetry;
                o.MaxConcurrentJobs = settings.MaxJobs;
                o.Follow.CommitEvery = settings.CommitEvery;
            });
            builder.UseOrleans(silo => ConfigureSilo(silo, settings));
            using var host = builder.Build();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ConfigureSilo(ISiloBuilder silo, SiloSettings settings)
    {
        var redis = ConfigurationOptions.Parse(settings.RedisEndpoint);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = "audit-aggregator";
        });
        silo.ConfigureEndpoints(IPAddress.Loopback, settings.SiloPort, settings.GatewayPort);
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);

        // Declare a dead silo in about 4 s instead of about 14 s, so its sources move soon.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = settings.BackfillRetry < settings.FollowInterval ? settings.BackfillRetry : settings.FollowInterval);
    }
}
