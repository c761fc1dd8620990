using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void DocSpacePublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(DocSpaceAuditSource).Assembly);
}
