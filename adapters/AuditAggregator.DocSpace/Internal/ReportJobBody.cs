using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads the answer of the report routes: a URL string on servers of the v3.7/v3.8 branches (presented as a job
/// that is already complete), a job object on newer ones, or nothing when no job is known.
/// </summary>
internal static class ReportJobBody
{
    public static async Task<DocSpaceReportJob?> ReadAsync(string source, HttpResponseMessage response, CancellationToken cancellationToken)
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
                ?? throw DocSpaceErrors.Malformed(source, status, "the body is null");
            if (envelope.Status == 1)
            {
                throw DocSpaceErrors.EnvelopeError(source, status, new ErrorEnvelopeInfo(envelope.StatusCode, envelope.Error?.Message));
            }

            return envelope.Response.ValueKind switch
            {
                JsonValueKind.String when envelope.Response.GetString() is { Length: > 0 } url => CompletedJob(url),
                JsonValueKind.Object => envelope.Response.Deserialize(DocSpaceJsonContext.Default.DocSpaceReportJob),
                JsonValueKind.Undefined or JsonValueKind.Null => null,
                _ => throw DocSpaceErrors.Malformed(source, status, "'response' is neither a URL nor a job"),
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
