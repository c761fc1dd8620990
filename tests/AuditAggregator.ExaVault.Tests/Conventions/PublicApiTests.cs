using AuditAggregator.Testing;

namespace AuditAggregator.ExaVault.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void ExaVaultPublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(ExaVaultOptions).Assembly);

    [Fact]
    public void PublicTypes_SealedStaticInterfaceOrEnum() =>
        Assert.All(typeof(ExaVaultOptions).Assembly.GetExportedTypes(), t =>
            Assert.True(t.IsSealed || t.IsInterface || t.IsEnum || (t.IsAbstract && t.IsSealed), $"{t} is open"));
}
