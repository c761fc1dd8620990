using AuditAggregator.DocSpace.Internal;

namespace AuditAggregator.DocSpace;

/// <summary>
/// Builds login-history reports through an <see cref="IDocSpaceLoginHistoryApi"/>: starts one, polls its progress
/// on the injected clock until it completes, and cancels the server's job when the caller cancels. Accepts both
/// server generations (the synchronous file URL and the job).
/// </summary>
/// <remarks>
/// <c>AddDocSpaceAuditSource</c> registers one per source, keyed by the source name. Failures are
/// <see cref="AuditSourceException"/>s naming the source; nothing here retries.
/// </remarks>
public sealed class DocSpaceReports
{
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(10);
    private readonly IDocSpaceLoginHistoryApi _api;
    private readonly Uri _portalUrl;
    private readonly TimeProvider _timeProvider;
    private readonly string _source;

    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceReports"/> class.
    /// </summary>
    /// <param name="api">The API client, carrying the portal's address and the credential.</param>
    /// <param name="portalUrl">The portal's address, against which a relative file URL is resolved.</param>
    /// <param name="timeProvider">The clock of the polling, or <see langword="null"/> for the system clock.</param>
    /// <param name="sourceName">The source name errors carry; default <c>docspace</c>.</param>
    public DocSpaceReports(IDocSpaceLoginHistoryApi api, Uri portalUrl, TimeProvider? timeProvider = null, string sourceName = DocSpaceSourceNames.Source)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(portalUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        _api = api;
        _portalUrl = portalUrl;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _source = sourceName;
    }

    /// <summary>
    /// Gets or sets how often a job's progress is polled. Default 3 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Starts a report (<c>POST .../login/report</c>).
    /// </summary>
    /// <param name="format">The file format, or <see langword="null"/> for the server's default.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The job; on servers that build the report synchronously, a completed job with the file's URL.</returns>
    /// <exception cref="AuditSourceException">The request failed, or the answer was neither a URL nor a job.</exception>
    public async Task<DocSpaceReportJob> StartAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default) =>
        await SendAsync(token => _api.StartReportAsync(format, token), cancellationToken).ConfigureAwait(false)
        ?? throw new AuditSourceException(_source, AuditErrorKind.MalformedResponse, "The response body is not the expected JSON (the report was neither a URL nor a job).");

    /// <summary>
    /// Gets the state of the caller's report job (<c>GET .../login/report</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The job, or <see langword="null"/> when the server knows none.</returns>
    /// <exception cref="AuditSourceException">The request failed.</exception>
    public Task<DocSpaceReportJob?> GetAsync(CancellationToken cancellationToken = default) =>
        SendAsync(_api.GetReportAsync, cancellationToken);

    /// <summary>
    /// Cancels the caller's report job (<c>DELETE .../login/report</c>); cancelling when nothing runs is not an error.
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>A task that completes when the server accepted the cancellation.</returns>
    /// <exception cref="AuditSourceException">The request failed.</exception>
    public Task CancelAsync(CancellationToken cancellationToken = default) =>
        DocSpaceCall.ReadAsync(_source, _api.CancelReportAsync, static (_, _) => Task.FromResult(true), _timeProvider, cancellationToken);

    /// <summary>
    /// Builds a report and returns the file's absolute URL: starts the job, then polls its progress every
    /// <see cref="PollInterval"/> until it completes.
    /// </summary>
    /// <param name="format">The file format, or <see langword="null"/> for the server's default.</param>
    /// <param name="cancellationToken">Stops the polling; the running job is then cancelled on the server.</param>
    /// <returns>The report file's absolute URL.</returns>
    /// <exception cref="AuditSourceException">The build failed, was cancelled on the server, or vanished.</exception>
    public async Task<Uri> CreateAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default)
    {
        var job = await StartAsync(format, cancellationToken).ConfigureAwait(false);
        try
        {
            while (!job.IsCompleted)
            {
                await Task.Delay(PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
                job = await GetAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw Fail(AuditErrorKind.Unknown, "The portal no longer knows the report job; another report may have replaced it.", null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TryCancelAsync().ConfigureAwait(false);
            throw;
        }

        return Finish(job);
    }

    private Task<DocSpaceReportJob?> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        DocSpaceCall.ReadAsync(_source, send, (response, token) => ReportJobBody.ReadAsync(_source, response, token), _timeProvider, cancellationToken);

    private Uri Finish(DocSpaceReportJob job)
    {
        if (job.Status == DocSpaceReportStatus.Failed || !string.IsNullOrWhiteSpace(job.Error))
        {
            throw Fail(AuditErrorKind.Server, "The portal failed to build the login-history report.", job.Error);
        }

        if (job.Status == DocSpaceReportStatus.Canceled)
        {
            throw Fail(AuditErrorKind.Unknown, "The report job was cancelled on the portal.", null);
        }

        if (string.IsNullOrWhiteSpace(job.ResultFileUrl))
        {
            throw Fail(AuditErrorKind.MalformedResponse, "The report job completed without a file URL.", null);
        }

        return Uri.TryCreate(job.ResultFileUrl, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute
            : new Uri(_portalUrl, job.ResultFileUrl);
    }

    private async Task TryCancelAsync()
    {
        using var timeout = new CancellationTokenSource(CancelTimeout, _timeProvider);
        try
        {
            await CancelAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuditException or OperationCanceledException)
        {
            // Best effort: the caller asked to stop, and an unfinished job leaves no file behind.
        }
    }

    private AuditSourceException Fail(AuditErrorKind kind, string description, string? vendorMessage) =>
        new(_source, kind, description, vendorMessage: vendorMessage);
}
