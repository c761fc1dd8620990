using AuditAggregator.Testing;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AuditAggregator.DocSpace.Tests.Conventions;

/// <summary>
/// The house rules, checked over the DocSpace adapter by reflection and by reading its sources.
/// </summary>
public partial class ConventionTests
{
    private static readonly Assembly Adapter = typeof(DocSpaceAuditSource).Assembly;

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        var open = Adapter.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed).Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void InternalClasses_AreSealedOrStatic()
    {
        var open = Adapter.GetTypes()
            .Where(t => t.IsClass && !t.IsPublic && !t.IsNested && !t.IsSealed && !t.IsAbstract && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace?.StartsWith("AuditAggregator", StringComparison.Ordinal) == true)
            .Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_AreNotInInternalNamespaces()
    {
        Assert.DoesNotContain(Adapter.GetExportedTypes(), t => t.Namespace?.Contains(".Internal", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void AsyncIterators_MarkTheirTokenWithEnumeratorCancellation()
    {
        var missing = ConventionChecks.AsyncIteratorsWithoutEnumeratorCancellation(Adapter);

        Assert.Empty(missing);
    }

    [Fact]
    public void Sources_DoNotReadTheWallClockOrBlock_AndStayShort()
    {
        var files = Directory.EnumerateFiles(AdapterDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}");
        var lengths = files.Select(f => File.ReadLines(f).Count()).Order().ToList();

        Assert.Empty(offenders);
        Assert.True(lengths[lengths.Count / 2] < 100, $"median file length {lengths[lengths.Count / 2]}");
        Assert.True(lengths[^1] <= 300, $"longest file {lengths[^1]} lines");
    }

    [Fact]
    public void Project_RequiresGeneratedRefitRequests()
    {
        // Refit's build reads this property and fails on any request it would have to build by reflection (RF006).
        var project = File.ReadAllText(Path.Combine(AdapterDirectory(), "AuditAggregator.DocSpace.csproj"));

        Assert.Contains("<RefitRequireGeneratedRequests>true</RefitRequireGeneratedRequests>", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_NeverDowncastTheApiClient()
    {
        var offenders = Directory.EnumerateFiles(AdapterDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Downcast().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName);

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bis\s+(DocSpaceLoginHistory\w*|IDocSpaceLoginHistoryApi\b)|\(\s*DocSpaceLoginHistory\w+\s*\)\s*\w")]
    private static partial Regex Downcast();

    [GeneratedRegex(@"DateTime(Offset)?\.(Utc)?Now|\.Result\b|\.Wait\(\)|Thread\.Sleep")]
    private static partial Regex Forbidden();

    private static string AdapterDirectory([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "adapters", "AuditAggregator.DocSpace"));
}
