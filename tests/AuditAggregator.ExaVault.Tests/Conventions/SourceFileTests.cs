using System.Runtime.CompilerServices;

namespace AuditAggregator.ExaVault.Tests.Conventions;

/// <summary>
/// The house rule on file length (a median under 100 lines, none over 300), checked over the ExaVault adapter's sources.
/// </summary>
public class SourceFileTests
{
    [Fact]
    public void Sources_StayShort()
    {
        var lengths = Directory.EnumerateFiles(AdapterDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Lines: File.ReadLines(f).Count()))
            .OrderBy(x => x.Lines)
            .ToList();

        Assert.NotEmpty(lengths);
        Assert.True(lengths[lengths.Count / 2].Lines < 100, $"median file length {lengths[lengths.Count / 2].Lines}");
        Assert.True(lengths[^1].Lines <= 300, $"longest file {lengths[^1].Name}: {lengths[^1].Lines} lines");
    }

    private static string AdapterDirectory([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "adapters", "AuditAggregator.ExaVault"));
}
