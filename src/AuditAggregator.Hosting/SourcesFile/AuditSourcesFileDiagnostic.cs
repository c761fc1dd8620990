namespace AuditAggregator.Hosting;

/// <summary>
/// One error or warning about a sources file, naming the file, the source and the key it concerns; never a secret value.
/// </summary>
public sealed class AuditSourcesFileDiagnostic
{
    /// <summary>
    /// Initializes a new instance of the <see cref="AuditSourcesFileDiagnostic"/> class.
    /// </summary>
    /// <param name="filePath">The file, as it was named.</param>
    /// <param name="source">The source's name, or its position (<c>#2</c>) when it has no valid name; <see langword="null"/> for the file as a whole.</param>
    /// <param name="key">The key, or <see langword="null"/> for the source or the file as a whole.</param>
    /// <param name="description">What is wrong and what to do about it.</param>
    public AuditSourcesFileDiagnostic(string filePath, string? source, string? key, string description)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        FilePath = filePath;
        Source = source;
        Key = key;
        Description = description;
    }

    /// <summary>
    /// Gets the file, as it was named.
    /// </summary>
    public string FilePath { get; }

    /// <summary>
    /// Gets the source's name, or its position (<c>#2</c>) when it has no valid name; <see langword="null"/> for the file as a whole.
    /// </summary>
    public string? Source { get; }

    /// <summary>
    /// Gets the key, or <see langword="null"/> for the source or the file as a whole.
    /// </summary>
    public string? Key { get; }

    /// <summary>
    /// Gets what is wrong and what to do about it.
    /// </summary>
    public string Description { get; }

    /// <summary>
    /// Returns the whole message: file, source, key and description.
    /// </summary>
    /// <returns>For example <c>sources.json: source 'acme-docspace', key 'token': ...</c>.</returns>
    public override string ToString() => (Source, Key) switch
    {
        (null, null) => $"{FilePath}: {Description}",
        (null, { } key) => $"{FilePath}: key '{key}': {Description}",
        ({ } source, null) => $"{FilePath}: source '{source}': {Description}",
        ({ } source, { } key) => $"{FilePath}: source '{source}', key '{key}': {Description}",
    };
}
