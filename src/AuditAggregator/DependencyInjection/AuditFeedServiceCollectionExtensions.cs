using AuditAggregator;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the merged <see cref="AuditFeed"/> in a service collection.
/// </summary>
public static class AuditFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="AuditFeed"/> that merges every registered <see cref="IAuditSource"/>, and the system
    /// <see cref="TimeProvider"/> unless one is registered already.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the feed's options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddAuditFeed(this IServiceCollection services, Action<AuditFeedOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuditFeedOptions>()
            .Validate(o => o.BufferPerSource > 0, "AuditFeedOptions.BufferPerSource must be positive.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AuditFeed(
            sp.GetServices<IAuditSource>(),
            sp.GetRequiredService<IOptions<AuditFeedOptions>>().Value,
            sp.GetService<ILogger<AuditFeed>>()));
        return services;
    }
}
