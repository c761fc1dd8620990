namespace AuditAggregator.DocSpace;

/// <summary>
/// A typed client of the DocSpace login-history API (<c>/api/2.0/security/audit/login/*</c>).
/// </summary>
/// <remarks>
/// Every call needs a DocSpace administrator. Failures are <see cref="AuditSourceException"/>s whose
/// <see cref="AuditSourceException.Kind"/> says what the status means (401 credential, 402 plan or unpaid portal,
/// 403 not an administrator, 429 throttled with <see cref="AuditSourceException.RetryAfter"/>, 5xx server, a body
/// that is not the expected JSON). The client does not retry; <see cref="DocSpaceAuditSource"/> does.
/// </remarks>
public interface IDocSpaceLoginHistoryClient
{
    /// <summary>
    /// Gets the 20 newest login events (<c>GET .../login/last</c>), newest first.
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<DocSpaceLoginEvent>> GetLastAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of login events (<c>GET .../login/filter</c>), newest first.
    /// </summary>
    /// <param name="filter">The query; see its remarks for the server paging before it filters.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The events of the page after the server's filters.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="DocSpaceLoginFilter.Count"/> is not 1..100, or <see cref="DocSpaceLoginFilter.StartIndex"/> is negative.</exception>
    Task<IReadOnlyList<DocSpaceLoginEvent>> GetFilteredAsync(DocSpaceLoginFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a report of the whole retained log (<c>POST .../login/report</c>).
    /// </summary>
    /// <param name="format">The file format, or <see langword="null"/> for the server's default.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The job; on servers that build the report synchronously, a completed job with the file's URL.</returns>
    Task<DocSpaceReportJob> StartReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the state of the caller's report job (<c>GET .../login/report</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The job, or <see langword="null"/> when the server knows none.</returns>
    Task<DocSpaceReportJob?> GetReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the caller's report job (<c>DELETE .../login/report</c>); cancelling when nothing runs is not an error.
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>A task that completes when the server accepted the cancellation.</returns>
    Task CancelReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Builds a report and returns the file's absolute URL: starts the job, then polls its progress every
    /// <see cref="DocSpaceOptions.ReportPollInterval"/> until it completes. Accepts both server generations.
    /// </summary>
    /// <param name="format">The file format, or <see langword="null"/> for the server's default.</param>
    /// <param name="cancellationToken">Stops the polling; the running job is then cancelled on the server.</param>
    /// <returns>The report file's absolute URL.</returns>
    /// <exception cref="AuditSourceException">The build failed, was cancelled on the server, or vanished.</exception>
    Task<Uri> CreateReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default);
}
