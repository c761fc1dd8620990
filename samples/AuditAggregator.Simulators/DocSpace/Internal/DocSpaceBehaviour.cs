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
    private readonly DocSpaceAccess _access;
    private readonly AuditRoutes _audit;
    private readonly ReportRoutes _report;
    private readonly DocSpaceRateLimiter _rateLimiter;

    public DocSpaceBehaviour(DocSpaceSimulatorOptions options, DocSpaceData data)
    {
        _options = options;
        _data = data;
        _access = new DocSpaceAccess(options);
        _report = new ReportRoutes(options, _access, ReportPath, new ReportJob(options.ReportPollsToComplete, data.Now, "LoginHistory", 900000, "c2b0e3a4-1f6c-4c2e-9c4f"));
        _audit = new AuditRoutes(options, data, _access);
        _rateLimiter = new DocSpaceRateLimiter(options.RateLimitPerMinute, options.TimeProvider);
    }

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LastPath, LastAsync);
        endpoints.MapGet(FilterPath, FilterAsync);
        _report.MapRoutes(endpoints);

        _audit.MapRoutes(endpoints);
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

    private async Task LastAsync(HttpContext context)
    {
        if (!await _access.AuthorizeAsync(context, needsAuditOption: false).ConfigureAwait(false))
        {
            return;
        }

        _data.Login.Append(_options.AppendBeforeEachPage);
        await DocSpaceWriter.WriteLoginPageAsync(context, Newest(_data, 0, LastCount), _options.PortalOffset, DocSpaceWriter.ReadFields(context.Request)).ConfigureAwait(false);
    }

    private async Task FilterAsync(HttpContext context)
    {
        if (!await _access.AuthorizeAsync(context, needsAuditOption: false).ConfigureAwait(false))
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

        await DocSpaceWriter.WriteLoginPageAsync(context, items, _options.PortalOffset, DocSpaceWriter.ReadFields(context.Request)).ConfigureAwait(false);
    }
}
