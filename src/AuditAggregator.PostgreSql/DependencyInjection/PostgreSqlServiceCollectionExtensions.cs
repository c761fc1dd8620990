using AuditAggregator;
using AuditAggregator.Checkpoints;
using AuditAggregator.PostgreSql;
using AuditAggregator.PostgreSql.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the PostgreSQL event and checkpoint store in a service collection.
/// </summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="PostgreSqlAuditDatabase"/>, and the <see cref="PostgreSqlAuditStore"/> of
    /// <see cref="PostgreSqlAuditOptions.CheckpointName"/> as <see cref="IAuditEventStore"/>,
    /// <see cref="ICheckpointStore"/> and <see cref="IAuditEventSink"/>; validated options (checked at start-up), and
    /// the system <see cref="TimeProvider"/> unless one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options: at least the connection string.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <remarks>Services that keep one checkpoint per source ask the database for more stores with
    /// <see cref="PostgreSqlAuditDatabase.CreateStore"/>; they share its connection pool.</remarks>
    public static IServiceCollection AddPostgreSqlAuditStore(this IServiceCollection services, Action<PostgreSqlAuditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PostgreSqlAuditOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlAuditOptions>, PostgreSqlAuditOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new PostgreSqlAuditDatabase(
            sp.GetRequiredService<IOptions<PostgreSqlAuditOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PostgreSqlAuditDatabase>>()));
        services.TryAddSingleton(static sp => sp.GetRequiredService<PostgreSqlAuditDatabase>()
            .CreateStore(sp.GetRequiredService<IOptions<PostgreSqlAuditOptions>>().Value.CheckpointName));
        services.TryAddSingleton<IAuditEventStore>(static sp => sp.GetRequiredService<PostgreSqlAuditStore>());
        services.TryAddSingleton<ICheckpointStore>(static sp => sp.GetRequiredService<PostgreSqlAuditStore>());
        services.TryAddSingleton<IAuditEventSink>(static sp => sp.GetRequiredService<PostgreSqlAuditStore>());
        return services;
    }
}
