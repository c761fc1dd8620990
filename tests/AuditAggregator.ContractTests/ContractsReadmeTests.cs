using System.Text.RegularExpressions;

namespace AuditAggregator.ContractTests;

/// <summary>
/// <c>Contracts/README.md</c> names every vendor document and example body the tests read, and for each document the
/// commit its <c>x-source</c> block says it was cut from, so a document added without its row fails here.
/// </summary>
public sealed partial class ContractsReadmeTests
{
    private static readonly string Output = Path.Combine(AppContext.BaseDirectory, "Contracts");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Output, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Readme_EveryContractFile_HasARowNamingItAndItsSourceCommit(string file)
    {
        var row = Readme().Split('\n').FirstOrDefault(line => line.StartsWith($"| `{file}` |", StringComparison.Ordinal));

        Assert.True(row is not null, $"Contracts/README.md has no table row for `{file}`");
        if (file.EndsWith(".yaml", StringComparison.Ordinal))
        {
            var commit = SourceCommit().Match(File.ReadAllText(Path.Combine(Output, file)));
            Assert.True(commit.Success, $"{file} has no x-source commit");
            Assert.Contains(commit.Groups["commit"].Value, row, StringComparison.Ordinal);
        }
    }

    private static string Readme()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AuditAggregator.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, $"no AuditAggregator.sln above {AppContext.BaseDirectory}");
        return File.ReadAllText(Path.Combine(root.FullName, "tests", "AuditAggregator.ContractTests", "Contracts", "README.md"));
    }

    [GeneratedRegex(@"^x-source:\s*\n(?:[ \t]+.*\n)*?[ \t]+commit:[ \t]*(?<commit>[0-9a-f]{40})", RegexOptions.Multiline)]
    private static partial Regex SourceCommit();
}
