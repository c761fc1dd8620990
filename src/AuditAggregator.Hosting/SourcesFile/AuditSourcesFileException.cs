namespace AuditAggregator.Hosting;

/// <summary>
/// A sources file cannot be used: it is missing or unreadable, is not JSON of the expected shape, or one of its
/// sources is wrong. The message lists every error, each naming the file, the source and the key; never a secret.
/// </summary>
public sealed class AuditSourcesFileException : AuditException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="AuditSourcesFileException"/> class.
    /// </summary>
    /// <param name="filePath">The file, as it was named.</param>
    /// <param name="errors">The errors, at least one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AuditSourcesFileException(string filePath, IReadOnlyList<AuditSourcesFileDiagnostic> errors, Exception? innerException = null)
        : base(Describe(errors), innerException)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        FilePath = filePath;
        Errors = errors;
    }

    /// <summary>
    /// Gets the file, as it was named.
    /// </summary>
    public string FilePath { get; }

    /// <summary>
    /// Gets the errors, each naming the file, the source and the key.
    /// </summary>
    public IReadOnlyList<AuditSourcesFileDiagnostic> Errors { get; }

    private static string Describe(IReadOnlyList<AuditSourcesFileDiagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return string.Join(Environment.NewLine, errors);
    }
}
