using AuditAggregator.Testing;

namespace AuditAggregator.Simulators.Tests.Conventions;

public class PublicApiTests
{
    [Fact]
    public void SimulatorsPublicApi_MatchesApproved() => PublicApi.AssertApproved(typeof(DocSpaceSimulator).Assembly);

    [Fact]
    public void PublicTypes_SealedStaticOrEnum() =>
        Assert.All(typeof(DocSpaceSimulator).Assembly.GetExportedTypes(), t =>
            Assert.True(t.IsSealed || t.IsEnum || (t.IsAbstract && t.IsSealed), $"{t} is open"));

    [Fact]
    public void Simulators_ReferenceNeitherTheCoreNorTheAdapters()
    {
        // They are independent fake servers so that they can catch adapter bugs instead of sharing them.
        var references = typeof(DocSpaceSimulator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n == "AuditAggregator" || n.StartsWith("AuditAggregator.", StringComparison.Ordinal));
    }
}
