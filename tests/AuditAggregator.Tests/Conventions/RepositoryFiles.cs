using System.ComponentModel;
using System.Diagnostics;

namespace AuditAggregator.Tests.Conventions;

/// <summary>
/// The repository these tests were built from: its root (the folder holding <c>AuditAggregator.sln</c> above the
/// test assembly) and its files, as git tracks them, or every file outside build output where git is not at hand.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules", ".vs" };

    /// <summary>Gets the repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the repository's files as paths relative to <see cref="Root"/>, with '/' separators.</summary>
    public static IReadOnlyList<string> List() => TrackedByGit() ?? [.. Walk(Root).Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AuditAggregator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AuditAggregator.sln.");
    }

    private static List<string>? TrackedByGit()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ls-files", "-z" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                git.Kill();
                return null;
            }

            // Outside a git checkout (an unpacked archive) git fails: walk the tree instead.
            return git.ExitCode == 0
                ? [.. output.Result.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(Root, f)))]
                : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Walk(child))
            {
                yield return file;
            }
        }
    }
}
