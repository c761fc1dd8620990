namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// The tests that share the one WireMock server. They run one after another, so each can reset the journal and the
/// scenarios and read back exactly its own requests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WireMockGroup : ICollectionFixture<WireMockFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "WireMock";
}
