using AuditAggregator.Testing;

namespace AuditAggregator.Sqlite.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void SqlitePublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(SqliteCheckpointStore).Assembly);
}
