using System.Collections.Frozen;

namespace AuditAggregator.Orleans;

/// <summary>
/// An <see cref="IAuditSourceCatalog"/> whose sources can be replaced at runtime, for example when a sources file
/// is reloaded.
/// </summary>
public sealed class AuditSourceCatalog : IAuditSourceCatalog
{
    private FrozenDictionary<string, IAuditSource> _sources = FrozenDictionary<string, IAuditSource>.Empty;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditSourceCatalog"/> class.
    /// </summary>
    /// <param name="sources">The initial sources; their names must differ.</param>
    /// <exception cref="ArgumentException">Two sources share a name.</exception>
    public AuditSourceCatalog(IEnumerable<IAuditSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = Index(sources);
    }

    /// <inheritdoc/>
    public event EventHandler? Changed;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Names => Volatile.Read(ref _sources).Keys;

    /// <inheritdoc/>
    public IAuditSource? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Volatile.Read(ref _sources).GetValueOrDefault(name);
    }

    /// <summary>
    /// Replaces the sources and raises <see cref="Changed"/>.
    /// </summary>
    /// <param name="sources">The new sources; their names must differ.</param>
    /// <exception cref="ArgumentException">Two sources share a name.</exception>
    public void Replace(IEnumerable<IAuditSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Volatile.Write(ref _sources, Index(sources));
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private static FrozenDictionary<string, IAuditSource> Index(IEnumerable<IAuditSource> sources)
    {
        var byName = new Dictionary<string, IAuditSource>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            if (!byName.TryAdd(source.Name, source))
            {
                throw new ArgumentException($"Two audit sources are named '{source.Name}'; every source needs a name of its own.", nameof(sources));
            }
        }

        return byName.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
