using AuditAggregator;
using AuditAggregator.Orleans;
using AuditAggregator.Orleans.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the collector grains of AuditAggregator in a silo's service collection.
/// </summary>
public static class OrleansCollectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the <see cref="ISourceCollectorGrain"/> and <see cref="ISourceStatusGrain"/> grains need on a silo:
    /// the options, an <see cref="IAuditSourceCatalog"/> of the registered <see cref="IAuditSource"/>s unless one is
    /// registered, and a start-up step that starts the collector of every configured source once the silo is active.
    /// </summary>
    /// <param name="services">The silo's service collection; it needs the PostgreSQL store (<c>AddPostgreSqlAuditStore</c>)
    /// and an Orleans reminder service.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddAuditCollectorGrains(this IServiceCollection services, Action<AuditCollectorClusterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuditCollectorClusterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(static o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditSourceCatalog>(static sp => new AuditSourceCatalog(sp.GetServices<IAuditSource>()));
        services.TryAddSingleton<CollectorTelemetry>();
        services.TryAddSingleton<SourceJobRunner>();
        services.TryAddSingleton<SourceReconciler>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<SourceReconciler>());
        return services;
    }
}
