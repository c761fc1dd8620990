using AuditAggregator.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers many named audit sources, of any vendor, in a service collection.
/// </summary>
public static class AuditSourcesServiceCollectionExtensions
{
    /// <summary>
    /// Adds every source through its adapter's named registration (<c>AddDocSpaceAuditSource(name, ...)</c> or
    /// <c>AddExaVaultAuditSource(name, ...)</c>), so that each has its own options, HTTP client, credential, retries,
    /// rate budget and health.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sources">The sources, for example <see cref="AuditSourcesFile.Sources"/>.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">A source's name is registered already, by this call or an earlier one.</exception>
    /// <remarks>
    /// A setting the definitions leave out can still be changed per source afterwards with named options, for example
    /// <c>services.Configure&lt;DocSpaceOptions&gt;(name, o =&gt; ...)</c>.
    /// </remarks>
    public static IServiceCollection AddAuditSources(this IServiceCollection services, IEnumerable<AuditSourceDefinition> sources)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            source.AddTo(services);
        }

        return services;
    }
}
