using Refit;

namespace AuditAggregator.DocSpace;

/// <summary>
/// The DocSpace audit-trail API (<c>/api/2.0/security/audit/events/*</c> and its lookup lists) as a Refit interface;
/// create it with <c>RestService.For&lt;IDocSpaceAuditTrailApi&gt;(httpClient)</c> over a client whose base address
/// is the portal.
/// </summary>
/// <remarks>
/// <para>Every call needs a DocSpace administrator; put the credential on the client. Every method answers the raw
/// <see cref="HttpResponseMessage"/>, read as soon as the headers arrive: it does not throw on an error status, and
/// the caller disposes it. <see cref="DocSpaceAuditSource"/> reads <c>/events/filter</c> pages through it.</para>
/// <para>Unlike the login history, the server filters before it takes its page, so <c>from</c> and <c>to</c> narrow
/// the query itself. Without the plan's audit option <c>/events/filter</c> silently answers what <c>/events/last</c>
/// answers (the 20 newest, every parameter ignored). The server's <c>moduleType</c> parameter is left out on
/// purpose: without an <c>action</c> it makes the server fail with 500.</para>
/// </remarks>
[Headers("Accept: application/json")]
public interface IDocSpaceAuditTrailApi
{
    /// <summary>
    /// Gets the 20 newest audit-trail events (<c>GET .../events/last</c>), newest first, each substituted value in
    /// <c>action</c> cut to 50 characters.
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/events/last")]
    Task<HttpResponseMessage> GetLastAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of audit-trail events (<c>GET .../events/filter</c>), newest first, the page taken after the
    /// filters; a parameter left <see langword="null"/> is not sent.
    /// </summary>
    /// <param name="userId">The account whose events are kept, sent as <c>userId</c>.</param>
    /// <param name="actionType">The kind of change kept (the server's <c>ActionType</c>, for example 13 Upload), sent as <c>actionType</c>.</param>
    /// <param name="action">The <c>MessageAction</c> code kept, sent as <c>action</c>; it overrides <paramref name="actionType"/> and <paramref name="entryType"/>.</param>
    /// <param name="entryType">The entry type kept (1 File, 2 Folder, 25 Room), sent as <c>entryType</c>; the server applies it only together with <paramref name="target"/>.</param>
    /// <param name="target">The target to match, sent as <c>target</c>: the stored comma-joined ids, compared exactly with <paramref name="action"/>, as a substring with <paramref name="entryType"/>.</param>
    /// <param name="from">The earliest time, included, sent as <c>from</c>; format it with <see cref="DocSpaceQuery.Time"/>.</param>
    /// <param name="to">The latest time, included, sent as <c>to</c>; format it with <see cref="DocSpaceQuery.Time"/>.</param>
    /// <param name="count">The page size, 1 to 100, sent as <c>count</c>; the server's default is 100.</param>
    /// <param name="startIndex">The number of matching events skipped from the newest end, sent as <c>startIndex</c>.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/events/filter")]
    Task<HttpResponseMessage> GetFilterAsync(
        Guid? userId = null,
        int? actionType = null,
        int? action = null,
        int? entryType = null,
        string? target = null,
        string? from = null,
        string? to = null,
        int? count = null,
        int? startIndex = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a report of the whole retained trail, never filtered (<c>POST .../events/report</c>). Servers of the
    /// v3.7 and v3.8 branches build it at once and answer the file's URL; newer ones start a job.
    /// </summary>
    /// <param name="format">The file format, sent as <c>format</c>, or <see langword="null"/> for the server's default.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Post("/api/2.0/security/audit/events/report")]
    Task<HttpResponseMessage> StartReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the enum names the trail uses (<c>GET .../audit/types</c>): <c>actions</c>, <c>actionTypes</c>,
    /// <c>productTypes</c>, <c>moduleTypes</c> and <c>entryTypes</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/types")]
    Task<HttpResponseMessage> GetTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the mappers' tree of products, modules and actions (<c>GET .../audit/mappers</c>).
    /// </summary>
    /// <param name="productType">The product kept, sent as <c>productType</c>, or <see langword="null"/> for all.</param>
    /// <param name="moduleType">The module kept, sent as <c>moduleType</c>, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/mappers")]
    Task<HttpResponseMessage> GetMappersAsync(int? productType = null, int? moduleType = null, CancellationToken cancellationToken = default);
}
