using AuditAggregator.ConsoleApp.Comparison;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests.Comparison;

/// <summary>People are keyed by vendor, whatever each account is called.</summary>
public sealed class IdentityResolverTests
{
    private static readonly IdentityResolver Resolver = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // A DocSpace login that happens to equal an ExaVault username of someone else.
        ["kim"] = "kim.lee",
    });

    [Theory]
    [InlineData("exavault")]
    [InlineData("globex-exavault")]
    public void Resolve_ExaVaultEventOfAnyAccount_KeysByTheUsernameWithoutTheMap(string source) =>
        Assert.Equal("kim", Resolver.Resolve(Event(source, "exavault")));

    [Theory]
    [InlineData("docspace")]
    [InlineData("acme-docspace")]
    public void Resolve_DocSpaceEventOfAnyAccount_GoesThroughTheMap(string source) =>
        Assert.Equal("kim.lee", Resolver.Resolve(Event(source, "docspace")));

    private static AuditEvent Event(string source, string vendor) =>
        SyntheticSource.Create(source, "login", 1, Instant.FromUtc(2025, 6, 1, 12, 0), login: "kim") with { Vendor = vendor };
}
