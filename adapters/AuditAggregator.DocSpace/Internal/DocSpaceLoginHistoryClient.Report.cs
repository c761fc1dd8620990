using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The report routes, which answer a URL string on servers of the v3.7/v3.8 branches and a job object on newer ones.
/// </summary>
internal sealed partial class DocSpaceLoginHistoryClient
{
    public Task<DocSpaceReportJob> StartReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("format", format?.ToString()).ToString();
        return SendAsync(HttpMethod.Post, DocSpaceRoutes.Build(_baseUrl, DocSpaceRoutes.Report, query), ReadStartedJobAsync, cancellationToken);
    }

    public Task<DocSpaceReportJob?> GetReportAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, DocSpaceRoutes.Build(_baseUrl, DocSpaceRoutes.Report), ReadJobAsync, cancellationToken);

    public Task CancelReportAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, DocSpaceRoutes.Build(_baseUrl, DocSpaceRoutes.Report), static (_, _) => Task.FromResult(true), cancellationToken);

    public Task<Uri> CreateReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default) =>
        ReportRunner.RunAsync(this, _baseUrl, _pollInterval, _timeProvider, format, cancellationToken);

    private static async Task<DocSpaceReportJob> ReadStartedJobAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await ReadJobAsync(response, cancellationToken).ConfigureAwait(false)
        ?? throw DocSpaceErrors.Malformed((int)response.StatusCode, "the report was neither a URL nor a job");

    private static async Task<DocSpaceReportJob?> ReadJobAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                return null;
            }

            var envelope = await JsonSerializer.DeserializeAsync(stream, DocSpaceJsonContext.Default.ReportEnvelope, cancellationToken).ConfigureAwait(false)
                ?? throw DocSpaceErrors.Malformed(status, "the body is null");
            if (envelope.Status == 1)
            {
                throw DocSpaceErrors.EnvelopeError(status, new ErrorEnvelopeInfo(envelope.StatusCode, envelope.Error?.Message));
            }

            return envelope.Response.ValueKind switch
            {
                JsonValueKind.String when envelope.Response.GetString() is { Length: > 0 } url => CompletedJob(url),
                JsonValueKind.Object => envelope.Response.Deserialize(DocSpaceJsonContext.Default.DocSpaceReportJob),
                JsonValueKind.Undefined or JsonValueKind.Null => null,
                _ => throw DocSpaceErrors.Malformed(status, "'response' is neither a URL nor a job"),
            };
        }
    }

    /// <summary>
    /// Presents the synchronous generation's answer, the finished file's URL, as a completed job.
    /// </summary>
    private static DocSpaceReportJob CompletedJob(string url) => new()
    {
        Percentage = 100,
        IsCompleted = true,
        Status = DocSpaceReportStatus.Completed,
        ResultFileUrl = url,
    };
}
