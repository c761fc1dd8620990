using System.Globalization;
using AuditAggregator.Simulators.Hosting.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>The routes of the simulated portal and its quirks (see vendors.md).</summary>
internal sealed class DocSpaceBehaviour : IVendorBehaviour
{
    public const string LastPath = "/api/2.0/security/audit/login/last";
    public const string FilterPath = "/api/2.0/security/audit/login/filter";
    public const string ReportPath = "/api/2.0/security/audit/login/report";
    private const int LastCount = 20;
    private const int MaxCount = 100;

    private readonly DocSpaceSimulatorOptions _options;
    private readonly DocSpaceData _data;
    private readonly DocSpaceAuthenticator _authenticator;
    private readonly ReportJob _report;
    private readonly DocSpaceRateLimiter _rateLimiter;

    public DocSpaceBehaviour(DocSpaceSimulatorOptions options, DocSpaceData data)
    {
        _options = options;
        _data = data;
        _authenticator = new DocSpaceAuthenticator(options.Credentials);
        _report = new ReportJob(options.ReportPollsToComplete, data.Now);
        _rateLimiter = new DocSpaceRateLimiter(options.RateLimitPerMinute, options.TimeProvider);
    }

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LastPath, LastAsync);
        endpoints.MapGet(FilterPath, FilterAsync);
        endpoints.MapPost(ReportPath, StartReportAsync);
        if (_options.ReportMode == DocSpaceReportMode.Asynchronous)
        {
            endpoints.MapGet(ReportPath, PollReportAsync);
            endpoints.MapDelete(ReportPath, CancelReportAsync);
        }
    }

    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        if (!_options.RateLimitEnabled || _rateLimiter.TryAcquire(out _))
        {
            return true;
        }

        await WriteTooManyRequestsAsync(context, _rateLimiter.UntilReset()).ConfigureAwait(false);
        return false;
    }

    public Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = 429;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var reset = _options.TimeProvider.GetUtcNow() + (retryAfter ?? TimeSpan.FromMinutes(1));
        context.Response.Headers["X-RateLimit-Limit"] = _options.RateLimitPerMinute.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = "0";
        context.Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public Task WriteServerErrorAsync(HttpContext context, int statusCode) =>
        DocSpaceWriter.WriteErrorAsync(context, statusCode, "An unexpected error occurred.", "System.InvalidOperationException");

    private static List<LoginEntry> Newest(DocSpaceData data, long skip, int take)
    {
        var count = data.Login.Count;
        var items = new List<LoginEntry>(take);
        for (var p = skip; p < skip + take && p < count; p++)
        {
            items.Add(data.Generator.Entry(count - 1 - p));
        }

        return items;
    }

    private static HashSet<string>? Fields(HttpRequest request)
    {
        var value = request.Query["fields"].ToString();
        return string.IsNullOrWhiteSpace(value)
            ? null
            : new HashSet<string>(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Authentication, then the admin right, then the plan: the order the server checks them in.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context, bool needsAuditOption)
    {
        var credential = _authenticator.Authenticate(context.Request);
        if (credential is null)
        {
            context.Response.StatusCode = 401;
            return false;
        }

        if (!credential.IsAdmin)
        {
            await DocSpaceWriter.WriteErrorAsync(context, 403, "Access denied", "System.Security.SecurityException").ConfigureAwait(false);
            return false;
        }

        var plan = _options.Plan;
        if (plan == DocSpacePlan.Unpaid)
        {
            context.Response.StatusCode = 402;
            return false;
        }

        if (plan == DocSpacePlan.PlanForbids || (needsAuditOption && plan == DocSpacePlan.NoAuditPlan))
        {
            await DocSpaceWriter.WriteErrorAsync(context, 402, "Your pricing plan does not support this option", "ASC.Core.Billing.BillingNotFoundException").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private async Task LastAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, needsAuditOption: false).ConfigureAwait(false))
        {
            return;
        }

        _data.Login.Append(_options.AppendBeforeEachPage);
        await DocSpaceWriter.WriteLoginPageAsync(context, Newest(_data, 0, LastCount), _options.PortalOffset, Fields(context.Request)).ConfigureAwait(false);
    }

    private async Task FilterAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, needsAuditOption: false).ConfigureAwait(false))
        {
            return;
        }

        var query = context.Request.Query;
        if (!FilterQuery.TryParse(query, out var filter, out var badParameter, out var badValue))
        {
            await DocSpaceWriter.WriteBadRequestAsync(context, badParameter, badValue).ConfigureAwait(false);
            return;
        }

        if (filter.Count is < 1 or > MaxCount)
        {
            await DocSpaceWriter.WriteBadRequestAsync(context, "count", query["count"].ToString()).ConfigureAwait(false);
            return;
        }

        _data.Login.Append(_options.AppendBeforeEachPage);
        List<LoginEntry> items;
        if (_options.Plan == DocSpacePlan.NoAuditPlan)
        {
            items = Newest(_data, 0, LastCount);
        }
        else
        {
            // Paging happens before filtering: take the window of the unfiltered newest-first log, then filter it.
            items = Newest(_data, filter.StartIndex, filter.Count);
            items.RemoveAll(e => !filter.Matches(e));
        }

        await DocSpaceWriter.WriteLoginPageAsync(context, items, _options.PortalOffset, Fields(context.Request)).ConfigureAwait(false);
    }

    private async Task StartReportAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, needsAuditOption: true).ConfigureAwait(false))
        {
            return;
        }

        if (_options.ReportMode == DocSpaceReportMode.Synchronous)
        {
            var url = new Uri(new Uri(context.Request.Scheme + "://" + context.Request.Host), "/Products/Files/DocEditor.aspx?fileid=900001&name=LoginHistory.csv");
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

        await DocSpaceWriter.WriteEnvelopeAsync(context, 200, 0, _report.Start(csv), DocSpaceJsonContext.Default.ReportTaskDto).ConfigureAwait(false);
    }

    private async Task PollReportAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context, needsAuditOption: true).ConfigureAwait(false))
        {
            await DocSpaceWriter.WriteEnvelopeAsync(context, 200, 0, _report.Poll(), DocSpaceJsonContext.Default.ReportTaskDto).ConfigureAwait(false);
        }
    }

    private async Task CancelReportAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context, needsAuditOption: true).ConfigureAwait(false))
        {
            _report.Cancel();
            context.Response.StatusCode = 200;
        }
    }
}
