using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The audit-trail routes and their quirks (see docs/vendors-docspace-audit-trail.md): <c>/last</c> answers the 20
/// newest on any plan that shows the section; <c>/filter</c> applies the filters <em>before</em> the page window, and
/// without the audit option silently answers what <c>/last</c> answers; a <c>moduleType</c> without an <c>action</c>
/// makes the server fail with 500; the report is the login report's twin.
/// </summary>
internal sealed class AuditRoutes
{
    public const string LastPath = "/api/2.0/security/audit/events/last";
    public const string FilterPath = "/api/2.0/security/audit/events/filter";
    public const string ReportPath = "/api/2.0/security/audit/events/report";
    private const int LastCount = 20;
    private const int MaxCount = 100;

    private readonly DocSpaceSimulatorOptions _options;
    private readonly DocSpaceData _data;
    private readonly DocSpaceAccess _access;
    private readonly ReportRoutes _report;

    public AuditRoutes(DocSpaceSimulatorOptions options, DocSpaceData data, DocSpaceAccess access)
    {
        _options = options;
        _data = data;
        _access = access;
        _report = new ReportRoutes(options, access, ReportPath, new ReportJob(options.ReportPollsToComplete, data.Now, "AuditTrail", 900100, "7e41d0b9-5a2c-4f83-b1d6"));
    }

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LastPath, LastAsync);
        endpoints.MapGet(FilterPath, FilterAsync);
        _report.MapRoutes(endpoints);
    }

    /// <summary>Gets the page of matching entries, newest first, the page window taken after the filters.</summary>
    internal static List<AuditEntry> Page(DocSpaceData data, AuditFilterQuery filter)
    {
        var log = data.Audit;
        var count = log.Count;
        var end = filter.To is { } to ? log.Timeline.FirstAfter(to, count) : count;
        var first = filter.From is { } from ? log.Timeline.FirstAtOrAfter(from, count) : 0;
        var items = new List<AuditEntry>(Math.Min(filter.Count, MaxCount));
        if (!filter.FiltersAttributes)
        {
            // Only dates narrow the answer: the window is index arithmetic.
            for (var i = end - 1 - filter.StartIndex; i >= first && items.Count < filter.Count; i--)
            {
                items.Add(data.AuditGenerator.Entry(i));
            }

            return items;
        }

        var skipped = 0L;
        for (var i = end - 1; i >= first && items.Count < filter.Count; i--)
        {
            var entry = data.AuditGenerator.Entry(i);
            if (!filter.Matches(entry))
            {
                continue;
            }

            if (skipped < filter.StartIndex)
            {
                skipped++;
                continue;
            }

            items.Add(entry);
        }

        return items;
    }

    private List<AuditEntry> Newest()
    {
        var count = _data.Audit.Count;
        var items = new List<AuditEntry>(LastCount);
        for (var i = count - 1; i >= 0 && items.Count < LastCount; i--)
        {
            items.Add(_data.AuditGenerator.Entry(i));
        }

        return items;
    }

    private Task WriteAsync(HttpContext context, List<AuditEntry> items) =>
        AuditWriter.WritePageAsync(context, items, _options.PortalOffset, _options.AuditEnumsAsNames, DocSpaceWriter.ReadFields(context.Request));

    private async Task LastAsync(HttpContext context)
    {
        if (await _access.AuthorizeAsync(context, needsAuditOption: false).ConfigureAwait(false))
        {
            _data.Audit.Append(_options.AppendBeforeEachPage);
            await WriteAsync(context, Newest()).ConfigureAwait(false);
        }
    }

    private async Task FilterAsync(HttpContext context)
    {
        if (!await _access.AuthorizeAsync(context, needsAuditOption: false).ConfigureAwait(false))
        {
            return;
        }

        var query = context.Request.Query;
        if (!AuditFilterQuery.TryParse(query, out var filter, out var badParameter, out var badValue))
        {
            await DocSpaceWriter.WriteBadRequestAsync(context, badParameter, badValue).ConfigureAwait(false);
            return;
        }

        if (filter.Count is < 1 or > MaxCount)
        {
            await DocSpaceWriter.WriteBadRequestAsync(context, "count", query["count"].ToString()).ConfigureAwait(false);
            return;
        }

        _data.Audit.Append(_options.AppendBeforeEachPage);
        if (_options.Plan == DocSpacePlan.NoAuditPlan)
        {
            await WriteAsync(context, Newest()).ConfigureAwait(false);
            return;
        }

        if (filter.CrashesTheServer)
        {
            await DocSpaceWriter.WriteErrorAsync(context, 500, "Object reference not set to an instance of an object.", "System.NullReferenceException").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, Page(_data, filter)).ConfigureAwait(false);
    }
}
