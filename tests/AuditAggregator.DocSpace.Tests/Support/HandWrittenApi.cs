using System.Net;
using System.Text;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// A caller's own implementation of <see cref="IDocSpaceLoginHistoryApi"/>, not Refit's: it answers <c>/filter</c>
/// pages from a list of records, as a non-seekable stream, and nothing else.
/// </summary>
internal sealed class HandWrittenApi(IReadOnlyList<LoginRecord> log) : IDocSpaceLoginHistoryApi
{
    public List<(int? Count, int? StartIndex)> Pages { get; } = [];

    public Task<HttpResponseMessage> GetFilterAsync(Guid? userId = null, int? action = null, string? from = null, string? to = null, int? count = null, int? startIndex = null, string? fields = null, CancellationToken cancellationToken = default)
    {
        Pages.Add((count, startIndex));
        var body = Encoding.UTF8.GetBytes(FakePortal.Envelope(log.Skip(startIndex ?? 0).Take(count ?? 100)));
        var content = new StreamContent(new OneWayStream(body));
        content.Headers.ContentType = new("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    public Task<HttpResponseMessage> GetLastAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HttpResponseMessage> StartReportAsync(DocSpaceReportFormat? format = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HttpResponseMessage> GetReportAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HttpResponseMessage> CancelReportAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>A stream that can only be read forward, as a network body is.</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
