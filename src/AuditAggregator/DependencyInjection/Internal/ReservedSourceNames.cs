namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>
/// The source names reserved in one service collection, kept there as a singleton marker by
/// <see cref="AuditSourceRegistration"/>.
/// </summary>
internal sealed class ReservedSourceNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public bool TryAdd(string name)
    {
        lock (_names)
        {
            return _names.Add(name);
        }
    }
}
