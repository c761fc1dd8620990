using System.Text.RegularExpressions;

namespace AuditAggregator.Tests.Conventions;

/// <summary>
/// What a file of a clone must not say: an absolute path that exists on one particular machine only (a home
/// folder, a workspace root, a Windows profile), and, in a README, an issue number its reader cannot look up.
/// </summary>
internal static partial class RepositoryHygiene
{
    /// <summary>Gets every machine path in <paramref name="text"/>.</summary>
    public static IEnumerable<string> MachinePaths(string text) => MachinePath().Matches(text).Select(m => m.Value);

    /// <summary>Gets every issue number in <paramref name="text"/> ("issue 7", "Issue #7", "issues 7").</summary>
    public static IEnumerable<string> IssueNumbers(string text) => IssueNumber().Matches(text).Select(m => m.Value);

    /// <summary>Gets a value indicating whether <paramref name="path"/> names a README.</summary>
    public static bool IsReadme(string path) => Path.GetFileName(path).StartsWith("README", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets a value indicating whether <paramref name="bytes"/> look like text (no NUL in the first 8 KiB).</summary>
    public static bool IsText(ReadOnlySpan<byte> bytes) => !bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0);

    // A path that starts a word (not the path part of a URL or of a relative path): a workspace root ("work"), the
    // root user's home, "home" or "Users" followed by a user name, and a Windows profile folder, in either slash.
    [GeneratedRegex(@"(?<![\w.~\-/\\:])(?:/(?:work|root)/|/(?:home|Users)/[\w.\-]+/|[A-Za-z]:[\\/]Users[\\/])", RegexOptions.CultureInvariant)]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"\bissues?[ \t]*(?:#|no\.?|number)?[ \t-]*\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IssueNumber();
}
