using AuditAggregator.Testing;

namespace AuditAggregator.Hosting.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void HostingPublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(AuditSourcesFile).Assembly);
}
