namespace AuditAggregator.PostgreSql.Tests.Support;

/// <summary>
/// The tests that share the private server; they run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedServer : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
