using Refit;

namespace AuditAggregator.DocSpace;

/// <summary>
/// The DocSpace login-history API (<c>/api/2.0/security/audit/login/*</c>) as a Refit interface; create it with
/// <c>RestService.For&lt;IDocSpaceLoginHistoryApi&gt;(httpClient)</c> over a client whose base address is the portal.
/// </summary>
/// <remarks>
/// <para>Every call needs a DocSpace administrator; put the credential on the client (for example
/// <c>Authorization: Bearer sk-...</c>). Every method answers the raw <see cref="HttpResponseMessage"/>, read as soon
/// as the headers arrive: it does not throw on an error status, and the caller disposes it.
/// <see cref="DocSpaceAuditSource"/> reads <c>/login/filter</c> pages through it; <see cref="DocSpaceReports"/> reads
/// the report routes through it.</para>
/// <para>Query names are spelt as the server spells them and nothing else is sent. The server takes its page of the
/// unfiltered newest-first log before it applies <c>userId</c>, <c>action</c>, <c>from</c> and <c>to</c>, so a
/// filtered page can be short or empty while older matches exist; read a time range by paging the unfiltered log.</para>
/// </remarks>
[Headers("Accept: application/json")]
public interface IDocSpaceLoginHistoryApi
{
    /// <summary>
    /// Gets the 20 newest login events (<c>GET .../login/last</c>), newest first.
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/login/last")]
    Task<HttpResponseMessage> GetLastAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of login events (<c>GET .../login/filter</c>), newest first; a parameter left
    /// <see langword="null"/> is not sent.
    /// </summary>
    /// <param name="userId">The account whose events are kept, sent as <c>userId</c>.</param>
    /// <param name="action">The <c>MessageAction</c> code kept (see <see cref="DocSpaceLoginAction"/>), sent as <c>action</c>.</param>
    /// <param name="from">The earliest time, sent as <c>from</c>; format it with <see cref="DocSpaceQuery.Time"/> (UTC with <c>Z</c>).</param>
    /// <param name="to">The latest time, sent as <c>to</c>; format it with <see cref="DocSpaceQuery.Time"/>.</param>
    /// <param name="count">The page size, 1 to 100, sent as <c>count</c>; the server's default is 100.</param>
    /// <param name="startIndex">The number of events skipped from the newest end, sent as <c>startIndex</c>.</param>
    /// <param name="fields">The item properties to return, comma-separated, sent as the query parameter <c>fields</c> (the server ignores it as a header).</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/login/filter")]
    Task<HttpResponseMessage> GetFilterAsync(
        Guid? userId = null,
        int? action = null,
        string? from = null,
        string? to = null,
        int? count = null,
        int? startIndex = null,
        string? fields = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a report of the whole retained log (<c>POST .../login/report</c>). Servers of the v3.7 and v3.8
    /// branches build it at once and answer the file's URL (a <c>StringWrapper</c>); newer ones start a job and
    /// answer its state (<c>DocumentBuilderTaskWrapper</c>).
    /// </summary>
    /// <param name="format">The file format, sent as <c>format</c>, or <see langword="null"/> for the server's default.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Post("/api/2.0/security/audit/login/report")]
    Task<HttpResponseMessage> StartReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the state of the caller's report job (<c>GET .../login/report</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/2.0/security/audit/login/report")]
    Task<HttpResponseMessage> GetReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the caller's report job (<c>DELETE .../login/report</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Delete("/api/2.0/security/audit/login/report")]
    Task<HttpResponseMessage> CancelReportAsync(CancellationToken cancellationToken = default);
}
