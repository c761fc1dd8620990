using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// One report route (login history or audit trail) in the configured generation: a synchronous POST answering a CSV
/// URL string, or the asynchronous job (POST starts, GET polls, DELETE cancels). Both need the plan's audit option.
/// </summary>
internal sealed class ReportRoutes
{
    private readonly DocSpaceSimulatorOptions _options;
    private readonly DocSpaceAccess _access;
    private readonly string _path;
    private readonly ReportJob _job;

    public ReportRoutes(DocSpaceSimulatorOptions options, DocSpaceAccess access, string path, ReportJob job)
    {
        _options = options;
        _access = access;
        _path = path;
        _job = job;
    }

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(_path, StartAsync);
        if (_options.ReportMode == DocSpaceReportMode.Asynchronous)
        {
            endpoints.MapGet(_path, PollAsync);
            endpoints.MapDelete(_path, CancelAsync);
        }
    }

    private async Task StartAsync(HttpContext context)
    {
        if (!await _access.AuthorizeAsync(context, needsAuditOption: true).ConfigureAwait(false))
        {
            return;
        }

        if (_options.ReportMode == DocSpaceReportMode.Synchronous)
        {
            var file = string.Create(CultureInfo.InvariantCulture, $"/Products/Files/DocEditor.aspx?fileid={_job.SynchronousFileId}&name={_job.Kind}.csv");
            var url = new Uri(new Uri(context.Request.Scheme + "://" + context.Request.Host), file);
            await DocSpaceWriter.WriteStringEnvelopeAsync(context, url.AbsoluteUri).ConfigureAwait(false);
            return;
        }

        var format = context.Request.Query["format"].ToString();
        bool csv;
        if (format.Length == 0 || format == "0" || string.Equals(format, "Xlsx", StringComparison.OrdinalIgnoreCase))
        {
            csv = false;
        }
        else if (format == "1" || string.Equals(format, "Csv", StringComparison.OrdinalIgnoreCase))
        {
            csv = true;
        }
        else
        {
            await DocSpaceWriter.WriteBadRequestAsync(context, "format", format).ConfigureAwait(false);
            return;
        }

        await DocSpaceWriter.WriteEnvelopeAsync(context, 200, 0, _job.Start(csv), DocSpaceJsonContext.Default.ReportTaskDto).ConfigureAwait(false);
    }

    private async Task PollAsync(HttpContext context)
    {
        if (await _access.AuthorizeAsync(context, needsAuditOption: true).ConfigureAwait(false))
        {
            await DocSpaceWriter.WriteEnvelopeAsync(context, 200, 0, _job.Poll(), DocSpaceJsonContext.Default.ReportTaskDto).ConfigureAwait(false);
        }
    }

    private async Task CancelAsync(HttpContext context)
    {
        if (await _access.AuthorizeAsync(context, needsAuditOption: true).ConfigureAwait(false))
        {
            _job.Cancel();
            context.Response.StatusCode = 200;
        }
    }
}
