using System.Globalization;
using AuditAggregator.Simulators.Data.Internal;
using AuditAggregator.Simulators.Hosting.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>The activity routes of the simulated account and their quirks (see vendors.md).</summary>
internal sealed class ExaVaultBehaviour : IVendorBehaviour
{
    private static readonly HashSet<string> SessionFilters = new(StringComparer.Ordinal) { "ipAddress", "username", "path", "type" };
    private static readonly HashSet<string> WebhookFilters = new(StringComparer.Ordinal) { "endpointUrl", "event", "statusCode", "resourcePath", "username" };

    private readonly ExaVaultSimulatorOptions _options;
    private readonly ExaVaultData _data;
    private readonly Allowance _allowance;

    public ExaVaultBehaviour(ExaVaultSimulatorOptions options, ExaVaultData data)
    {
        _options = options;
        _data = data;
        _allowance = new Allowance(options.DailyAllowance, options.TimeProvider);
    }

    public string SessionPath => _options.BasePath + "/activity/session";

    public string WebhooksPath => _options.BasePath + "/activity/webhooks";

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SessionPath, SessionsAsync);
        endpoints.MapGet(WebhooksPath, WebhooksAsync);
        endpoints.MapFallback(context => ExaVaultWriter.WriteErrorAsync(context, 404, "ERROR_NOT_FOUND", "Resource not found"));
    }

    /// <summary>Every request counts against the allowance and carries the rate-limit headers; past it, 429 without Retry-After.</summary>
    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        var admitted = _allowance.TryUse(out var remaining);
        context.Response.Headers["X-RateLimit-Limit"] = _allowance.Limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        if (!admitted)
        {
            await ExaVaultWriter.WriteErrorAsync(context, 429, "ERROR_RATE_LIMIT_EXCEEDED", "Daily transaction allowance exceeded").ConfigureAwait(false);
        }

        return admitted;
    }

    public Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return ExaVaultWriter.WriteErrorAsync(context, 429, "ERROR_RATE_LIMIT_EXCEEDED", "Too many requests");
    }

    public Task WriteServerErrorAsync(HttpContext context, int statusCode) =>
        ExaVaultWriter.WriteErrorAsync(context, statusCode, statusCode == 503 ? "ERROR_SERVICE_UNAVAILABLE" : "ERROR_INTERNAL_SERVER", "HTTP_" + statusCode.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Builds a page: a date range is two binary searches, and without attribute filters the page is plain index
    /// arithmetic; attribute filters scan the date range lazily (O(offset + limit) generated entries).
    /// </summary>
    private static List<T> Select<T>(Timeline timeline, ActivityQuery query, Func<long, T> entry, Func<T, bool>? match, bool ignoreOffset)
    {
        var count = timeline.Count;
        var lo = query.StartDate is { } start ? timeline.FirstAtOrAfter(start, count) : 0;
        var hi = query.EndDate is { } end ? timeline.FirstAfter(end, count) : count;
        var step = query.Descending ? -1 : 1;
        var first = query.Descending ? hi - 1 : lo;
        var offset = ignoreOffset ? 0 : query.Offset;
        var page = new List<T>((int)Math.Min(query.Limit, Math.Max(0, hi - lo)));
        if (match is null)
        {
            first += step * offset;
            offset = 0;
        }

        for (var i = first; i >= lo && i < hi && page.Count < query.Limit; i += step)
        {
            var candidate = entry(i);
            if (match is not null && !match(candidate))
            {
                continue;
            }

            if (offset > 0)
            {
                offset--;
                continue;
            }

            page.Add(candidate);
        }

        return page;
    }

    private async Task<ActivityQuery?> AuthorizeAndParseAsync(HttpContext context, IReadOnlySet<string> filters)
    {
        var key = context.Request.Headers["ev-api-key"].ToString();
        var token = context.Request.Headers["ev-access-token"].ToString();
        if (!string.Equals(key, _options.ApiKey, StringComparison.Ordinal) || !string.Equals(token, _options.AccessToken, StringComparison.Ordinal))
        {
            await ExaVaultWriter.WriteErrorAsync(context, 401, "ERROR_INVALID_CREDENTIALS", "HTTP_UNAUTHORIZED").ConfigureAwait(false);
            return null;
        }

        if (!ActivityQuery.TryParse(context.Request.QueryString.Value ?? string.Empty, filters, _options.DefaultLimit, out var query, out var error))
        {
            await ExaVaultWriter.WriteErrorAsync(context, 400, "ERROR_INVALID_PARAMETER", error).ConfigureAwait(false);
            return null;
        }

        return query;
    }

    private async Task SessionsAsync(HttpContext context)
    {
        if (await AuthorizeAndParseAsync(context, SessionFilters).ConfigureAwait(false) is not { } query)
        {
            return;
        }

        _data.Session.Append(_options.AppendBeforeEachPage);
        Func<SessionEntry, bool>? match = query.HasFilters ? e => SessionMatches(e, query) : null;
        var entries = Select(_data.Session.Timeline, query, _data.SessionGenerator.Entry, match, ignoreOffset: false);
        var offset = _options.SessionTimeOffset;
        await ExaVaultWriter.WritePageAsync(context, "sessionActivity", entries, (w, e) => ExaVaultWriter.WriteSession(w, e, offset), e => e.Id).ConfigureAwait(false);
    }

    private async Task WebhooksAsync(HttpContext context)
    {
        if (await AuthorizeAndParseAsync(context, WebhookFilters).ConfigureAwait(false) is not { } query)
        {
            return;
        }

        _data.Webhooks.Append(_options.AppendBeforeEachPage);
        Func<WebhookEntry, bool>? match = query.HasFilters ? e => WebhookMatches(e, query) : null;
        var entries = Select(_data.Webhooks.Timeline, query, _data.WebhookGenerator.Entry, match, _options.IgnoreWebhookOffset);
        var offset = _options.WebhookTimeOffset;
        var account = _options.AccountName;
        await ExaVaultWriter.WritePageAsync(context, "webhookActivity", entries, (w, e) => ExaVaultWriter.WriteWebhook(w, e, offset, account), e => e.Id).ConfigureAwait(false);
    }

    private static bool SessionMatches(SessionEntry entry, ActivityQuery query) =>
        (query.Filter("ipAddress") is not { } ip || string.Equals(entry.IpAddress, ip, StringComparison.OrdinalIgnoreCase))
        && (query.Filter("username") is not { } user || string.Equals(entry.Username, user, StringComparison.OrdinalIgnoreCase))
        && (query.Filter("path") is not { } path || ActivityQuery.Glob(path, entry.FileName))
        && (query.Filter("type") is not { } type || string.Equals(entry.Operation, type, StringComparison.OrdinalIgnoreCase));

    private static bool WebhookMatches(WebhookEntry entry, ActivityQuery query) =>
        (query.Filter("endpointUrl") is not { } url || string.Equals(entry.Webhook.EndpointUrl, url, StringComparison.Ordinal))
        && (query.Filter("event") is not { } ev || string.Equals(entry.Event, ev, StringComparison.Ordinal))
        && (query.StatusCode is not { } status || entry.Status == status)
        && (query.Filter("resourcePath") is not { } path || ActivityQuery.Glob(path, entry.ResourcePath))
        && (query.Filter("username") is not { } user || string.Equals(entry.Username, user, StringComparison.OrdinalIgnoreCase));
}
