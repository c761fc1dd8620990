using AuditAggregator.Testing;

namespace AuditAggregator.Orleans.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void OrleansPublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(ISourceCollectorGrain).Assembly);
}
