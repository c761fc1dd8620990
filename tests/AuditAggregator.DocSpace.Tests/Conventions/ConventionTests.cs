using AuditAggregator.Testing;
using System.Text.RegularExpressions;

namespace AuditAggregator.DocSpace.Tests.Conventions;

/// <summary>
/// The house rules, checked over the DocSpace adapter by reflection and by reading its sources.
/// </summary>
public sealed partial class ConventionTests() : LibraryConventionTests(typeof(DocSpaceAuditSource).Assembly, "adapters/AuditAggregator.DocSpace")
{
    [Fact]
    public void Project_RequiresGeneratedRefitRequests()
    {
        // Refit's build reads this property and fails on any request it would have to build by reflection (RF006).
        var project = File.ReadAllText(Path.Combine(SourceDirectory, "AuditAggregator.DocSpace.csproj"));

        Assert.Contains("<RefitRequireGeneratedRequests>true</RefitRequireGeneratedRequests>", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_NeverDowncastTheApiClient()
    {
        var offenders = SourceFiles()
            .Where(f => Downcast().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName);

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bis\s+(DocSpaceLoginHistory\w*|IDocSpaceLoginHistoryApi\b)|\(\s*DocSpaceLoginHistory\w+\s*\)\s*\w")]
    private static partial Regex Downcast();
}
