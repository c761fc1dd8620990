using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace AuditAggregator.Testing;

/// <summary>
/// The house rules every library keeps, checked over one library by reflection and by reading its sources. Each test
/// project derives a class from this one for its own assembly, so the checks run (and fail) per library.
/// </summary>
/// <param name="library">The assembly under test.</param>
/// <param name="sourceFolder">The folder of its sources, relative to the repository root (for example <c>src</c> or
/// <c>adapters/AuditAggregator.DocSpace</c>).</param>
public abstract partial class LibraryConventionTests(Assembly library, string sourceFolder)
{
    /// <summary>Gets the assembly under test.</summary>
    protected Assembly Library { get; } = library;

    /// <summary>Gets the full path of the folder whose sources are checked.</summary>
    protected string SourceDirectory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), sourceFolder));

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
        var leaked = Library.GetExportedTypes().Where(t => t.Namespace?.Contains(".Internal", StringComparison.Ordinal) == true).Select(t => t.FullName);

        Assert.Empty(leaked);
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
        var files = SourceFiles().ToList();
        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}");
        var lengths = files.Select(f => File.ReadLines(f).Count()).Order().ToList();

        Assert.NotEmpty(lengths);
        Assert.Empty(offenders);
        Assert.True(lengths[lengths.Count / 2] < 100, $"median file length {lengths[lengths.Count / 2]}");
        Assert.True(lengths[^1] <= 300, $"longest file {lengths[^1]} lines");
    }

    /// <summary>Lists the C# sources below <see cref="SourceDirectory"/>, build output left out.</summary>
    /// <returns>The files' full paths.</returns>
    protected IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"DateTime(Offset)?\.(Utc)?Now|\.Result\b|\.Wait\(\)|Thread\.Sleep")]
    private static partial Regex Forbidden();

    // This file sits two folders below the root: tests/AuditAggregator.TestUtilities.
    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
