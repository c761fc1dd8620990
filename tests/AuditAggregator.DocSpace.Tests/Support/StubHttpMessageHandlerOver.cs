using System.Net;
using System.Text;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// A portal that answers /events/filter from a <see cref="FakePortal"/>'s trail but ignores <c>to</c> and
/// <c>startIndex</c>, as a server with broken paging would: every page is the first.
/// </summary>
internal sealed class StubHttpMessageHandlerOver(FakePortal portal, bool startIndexIgnored)
{
    public StubHttpMessageHandler Handler { get; } = new StubHttpMessageHandler().Route(_ =>
        new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(TrailRecord.Envelope(startIndexIgnored ? portal.Trail.Take(100) : portal.Trail), Encoding.UTF8, "application/json"),
        });
}
