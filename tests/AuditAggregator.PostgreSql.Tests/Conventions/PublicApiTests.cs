using AuditAggregator.Testing;

namespace AuditAggregator.PostgreSql.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void PostgreSqlPublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(PostgreSqlAuditStore).Assembly);
}
