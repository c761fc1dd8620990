using Microsoft.Extensions.DependencyInjection.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reserves the names of the audit sources registered in a service collection, so that no two sources, of one vendor
/// or of several, share a name.
/// </summary>
/// <remarks>
/// The names live in the service collection itself (one marker service per collection), never in static state: two
/// containers built side by side reserve their names independently.
/// </remarks>
public static class AuditSourceRegistration
{
    /// <summary>
    /// Reserves <paramref name="name"/> for one source in <paramref name="services"/>.
    /// </summary>
    /// <param name="services">The service collection the source is registered in.</param>
    /// <param name="name">The source's name: lowercase letters, digits and <c>-</c>, for example <c>acme-exavault</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or holds another character.</exception>
    /// <exception cref="InvalidOperationException">A source named <paramref name="name"/> is registered already.</exception>
    public static void Reserve(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid audit source name: use one or more lowercase letters, digits and '-', such as 'acme-exavault'.",
                nameof(name));
        }

        var reserved = Find(services);
        if (reserved is null)
        {
            reserved = new ReservedSourceNames();
            services.AddSingleton(reserved);
        }

        if (!reserved.TryAdd(name))
        {
            throw new InvalidOperationException(
                $"An audit source named '{name}' is registered already; every source, whatever its vendor, needs a name of its own.");
        }
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static ReservedSourceNames? Find(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ReservedSourceNames) && !descriptor.IsKeyedService)
            {
                return (ReservedSourceNames?)descriptor.ImplementationInstance;
            }
        }

        return null;
    }
}
