namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// One page of an ExaVault activity log: <c>{"responseStatus","totalResults","returnedResults","data"}</c>.
/// </summary>
/// <typeparam name="TAttributes">The attributes of the log's entries.</typeparam>
internal sealed class ExaVaultLogPage<TAttributes>
    where TAttributes : class
{
    /// <summary>
    /// Gets the HTTP status the body repeats.
    /// </summary>
    public int? ResponseStatus { get; init; }

    /// <summary>
    /// Gets the total the vendor reports; always 0 by the vendor's design, so never a paging signal.
    /// </summary>
    public long? TotalResults { get; init; }

    /// <summary>
    /// Gets the number of entries on this page.
    /// </summary>
    public int? ReturnedResults { get; init; }

    /// <summary>
    /// Gets the entries, or <see langword="null"/> when the body had none.
    /// </summary>
    public IReadOnlyList<ExaVaultLogEntry<TAttributes>>? Data { get; init; }
}
