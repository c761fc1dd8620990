using AuditAggregator.Testing;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AuditAggregator.PostgreSql.Tests.Conventions;

/// <summary>
/// The house rules, checked over the PostgreSQL store by reflection and by reading its sources.
/// </summary>
public partial class ConventionTests
{
    private static readonly Assembly Library = typeof(PostgreSqlAuditStore).Assembly;

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        var open = Library.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed).Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void InternalClasses_AreSealedOrStatic()
    {
        var open = Library.GetTypes()
            .Where(t => t.IsClass && !t.IsPublic && !t.IsNested && !t.IsSealed && !t.IsAbstract && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace?.StartsWith("AuditAggregator", StringComparison.Ordinal) == true)
            .Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_AreNotInInternalNamespaces()
    {
        Assert.DoesNotContain(Library.GetExportedTypes(), t => t.Namespace?.Contains(".Internal", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void AsyncIterators_MarkTheirTokenWithEnumeratorCancellation()
    {
        var missing = ConventionChecks.AsyncIteratorsWithoutEnumeratorCancellation(Library);

        Assert.Empty(missing);
    }

    [Fact]
    public void Sources_DoNotReadTheWallClockOrBlock_AndStayShort()
    {
        var files = Directory.EnumerateFiles(LibraryDirectory(), "*.cs", SearchOption.AllDirectories)
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

    [GeneratedRegex(@"DateTime(Offset)?\.(Utc)?Now|\.Result\b|\.Wait\(\)|Thread\.Sleep")]
    private static partial Regex Forbidden();

    private static string LibraryDirectory([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "src", "AuditAggregator.PostgreSql"));
}
