using AuditAggregator.Testing;

namespace AuditAggregator.ExaVault.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void ExaVaultPublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(ExaVaultOptions).Assembly);

    /// <summary>
    /// PublicApiGenerator prints no constant declared in an interface, so the approved file cannot pin this one.
    /// </summary>
    [Fact]
    public void ActivityApiDateFormat_IsThePublicSecondsUtcPattern() =>
        Assert.Equal("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", IExaVaultActivityApi.DateFormat);

    [Fact]
    public void PublicTypes_SealedStaticInterfaceOrEnum() =>
        Assert.All(typeof(ExaVaultOptions).Assembly.GetExportedTypes(), t =>
            Assert.True(t.IsSealed || t.IsInterface || t.IsEnum || (t.IsAbstract && t.IsSealed), $"{t} is open"));
}
