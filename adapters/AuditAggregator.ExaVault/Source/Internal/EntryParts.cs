namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Small rules both logs' entries share.
/// </summary>
internal static class EntryParts
{
    /// <summary>The vendor sends an empty string for a missing value as often as it leaves the value out.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Cuts vendor text quoted in an error message.</summary>
    public static string Cut(string? text) => text is null ? "missing" : text.Length <= 40 ? text : text[..40] + "…";
}
