namespace AuditAggregator.Orleans;

/// <summary>
/// The sources configured on one silo, by name; the collector grain of a source asks it for the local instance.
/// </summary>
/// <remarks>
/// Every silo holds its own instances (with their own rate limits and health); only the silo that hosts a
/// source's grain reads it, so the limits hold per account wherever the grain runs.
/// </remarks>
public interface IAuditSourceCatalog
{
    /// <summary>
    /// Occurs when sources were added or removed.
    /// </summary>
    event EventHandler? Changed;

    /// <summary>
    /// Gets the names of the configured sources.
    /// </summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>
    /// Finds the source named <paramref name="name"/>.
    /// </summary>
    /// <param name="name">The source name.</param>
    /// <returns>The source, or <see langword="null"/> when none of that name is configured.</returns>
    IAuditSource? Find(string name);
}
