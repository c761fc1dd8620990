using System.Text.RegularExpressions;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// PostgreSQL text and jsonb cannot hold U+0000, which a vendor field may carry: it becomes U+FFFD, since one such
/// character must not make a batch fail on every retry and block the source.
/// </summary>
internal static partial class NulText
{
    public const char Replacement = '\uFFFD';

    public static string? Scrub(string? text) =>
        text is null || !text.Contains('\0', StringComparison.Ordinal) ? text : text.Replace('\0', Replacement);

    /// <summary>Replaces the escape <c>\u0000</c> in JSON text, but not an escaped backslash followed by <c>u0000</c>.</summary>
    public static string ScrubJson(string json) =>
        json.Contains("u0000", StringComparison.Ordinal) ? EscapedNul().Replace(json, "$1\uFFFD") : json;

    [GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u0000")]
    private static partial Regex EscapedNul();
}
