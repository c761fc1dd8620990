namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// The tests that share one cluster; they run one after another, since they kill its silos.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
