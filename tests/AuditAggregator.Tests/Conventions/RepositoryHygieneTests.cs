namespace AuditAggregator.Tests.Conventions;

/// <summary>
/// A clone holds what it needs and says nothing that holds on one machine only: no tracked file names a machine
/// path, and no README names an issue number.
/// </summary>
public sealed class RepositoryHygieneTests
{
    [Fact]
    public void TrackedFiles_NameNoMachinePath()
    {
        var found = Scan(_ => true, RepositoryHygiene.MachinePaths);

        Assert.True(found.Count == 0, "Files that name a path of one particular machine:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Readmes_NameNoIssueNumber()
    {
        var found = Scan(RepositoryHygiene.IsReadme, RepositoryHygiene.IssueNumbers);

        Assert.True(found.Count == 0, "READMEs that name an issue number:\n" + string.Join('\n', found));
    }

    [Fact]
    public void RepositoryFiles_ListsSourcesAndNoBuildOutput()
    {
        var files = RepositoryFiles.List();

        Assert.Contains("tests/AuditAggregator.Tests/AuditAggregator.Tests.csproj", files);
        Assert.Contains("AuditAggregator.sln", files);
        Assert.DoesNotContain(files, f => f.Split('/').Any(part => part is "bin" or "obj"));
    }

    [Theory]
    [InlineData("see {/}work/shared/design/vendors.md", "{/}work/")]
    [InlineData("cd {/}root/.nuget", "{/}root/")]
    [InlineData("`{/}home/alice/src/x`", "{/}home/alice/")]
    [InlineData("({/}Users/bob/Projects)", "{/}Users/bob/")]
    [InlineData(@"C{:}\Users\carol\source", @"C{:}\Users\")]
    [InlineData("path=c{:}{/}Users/dave/x", "c{:}{/}Users/")]
    public void MachinePaths_AbsolutePathOfOneMachine_IsFound(string text, string expected)
    {
        Assert.Equal([Expand(expected)], RepositoryHygiene.MachinePaths(Expand(text)));
    }

    [Theory]
    [InlineData("https://example.com{/}work/item")]
    [InlineData("tests{/}work/x and ..{/}work/y and ~{/}work/z")]
    [InlineData("the home folder /home/ alone, /tmp/x, /usr/share/dotnet")]
    [InlineData("dotnet test tests/AuditAggregator.ContractTests")]
    public void MachinePaths_RelativeOrUrlOrSystemPath_IsNotFound(string text)
    {
        Assert.Empty(RepositoryHygiene.MachinePaths(Expand(text)));
    }

    [Theory]
    [InlineData("Issue 7's figures", "Issue 7")]
    [InlineData("see issue #12.", "issue #12")]
    [InlineData("fixed by issues 3", "issues 3")]
    [InlineData("(issue-18)", "issue-18")]
    public void IssueNumbers_NumberedIssue_IsFound(string text, string expected)
    {
        Assert.Equal([expected], RepositoryHygiene.IssueNumbers(text));
    }

    [Theory]
    [InlineData("A known issue of the vendor: 7 fields are missing")]
    [InlineData("tissue 5")]
    [InlineData("Known issues")]
    public void IssueNumbers_NoNumberedIssue_IsNotFound(string text)
    {
        Assert.Empty(RepositoryHygiene.IssueNumbers(text));
    }

    // The samples write "{/}" and "{:}" for the characters that would make this file hold what it looks for.
    private static string Expand(string text) => text.Replace("{/}", "/", StringComparison.Ordinal).Replace("{:}", ":", StringComparison.Ordinal);

    private static List<string> Scan(Func<string, bool> include, Func<string, IEnumerable<string>> find)
    {
        var found = new List<string>();
        foreach (var file in RepositoryFiles.List().Where(include))
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, file));
            if (!RepositoryHygiene.IsText(bytes))
            {
                continue;
            }

            var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                found.AddRange(find(lines[i]).Select(hit => $"{file}:{i + 1}: {hit}"));
            }
        }

        return found;
    }
}
