namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Starts a report, polls it to the end on the injected clock, and cancels the server's job when the caller cancels.
/// </summary>
internal static class ReportRunner
{
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(10);

    public static async Task<Uri> RunAsync(
        IDocSpaceLoginHistoryClient client,
        Uri baseUrl,
        TimeSpan pollInterval,
        TimeProvider timeProvider,
        DocSpaceReportFormat? format,
        CancellationToken cancellationToken)
    {
        var job = await client.StartReportAsync(format, cancellationToken).ConfigureAwait(false);
        try
        {
            while (!job.IsCompleted)
            {
                await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
                job = await client.GetReportAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw Fail(AuditErrorKind.Unknown, "The portal no longer knows the report job; another report may have replaced it.", null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TryCancelAsync(client, timeProvider).ConfigureAwait(false);
            throw;
        }

        return Finish(job, baseUrl);
    }

    private static Uri Finish(DocSpaceReportJob job, Uri baseUrl)
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
            : new Uri(baseUrl, job.ResultFileUrl);
    }

    private static async Task TryCancelAsync(IDocSpaceLoginHistoryClient client, TimeProvider timeProvider)
    {
        using var timeout = new CancellationTokenSource(CancelTimeout, timeProvider);
        try
        {
            await client.CancelReportAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuditException or OperationCanceledException)
        {
            // Best effort: the caller asked to stop, and an unfinished job leaves no file behind.
        }
    }

    private static AuditSourceException Fail(AuditErrorKind kind, string description, string? vendorMessage) =>
        new(DocSpaceSourceNames.Source, kind, description, vendorMessage: vendorMessage);
}
