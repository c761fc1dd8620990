using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.DependencyInjection.Internal;

/// <summary>
/// The source names reserved in one service collection, kept in that collection as a singleton instance so that
/// the names live exactly as long as the collection and its provider.
/// </summary>
internal sealed class ReservedSourceNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Gets the names of <paramref name="services"/>, adding the holder on first use.</summary>
    public static ReservedSourceNames In(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ReservedSourceNames) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is ReservedSourceNames names)
            {
                return names;
            }
        }

        var created = new ReservedSourceNames();
        services.Add(ServiceDescriptor.Singleton(created));
        return created;
    }

    /// <summary>Adds <paramref name="name"/>; <see langword="false"/> when it was reserved already.</summary>
    public bool TryAdd(string name)
    {
        lock (_names)
        {
            return _names.Add(name);
        }
    }
}
