using AuditAggregator.Testing;

namespace AuditAggregator.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void CorePublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(AuditEvent).Assembly);
}
