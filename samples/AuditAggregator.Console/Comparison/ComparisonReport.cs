using NodaTime;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>The comparison of the sources over a window, ready to render as a table or JSON.</summary>
/// <param name="From">The window's start, included.</param>
/// <param name="To">The window's end, excluded.</param>
/// <param name="Sources">The tally of each source, by name.</param>
/// <param name="People">Each person across the sources, by key.</param>
/// <param name="Unattributed">Events that name no actor (not in any person's tally).</param>
/// <param name="IdentityNote">Where the identity map came from, for example <c>--identity-map (3 entries)</c>.</param>
internal sealed record ComparisonReport(
    Instant From,
    Instant To,
    IReadOnlyList<SourceTally> Sources,
    IReadOnlyList<PersonReport> People,
    long Unattributed,
    string IdentityNote)
{
    /// <summary>The definition of a burst, shown with the report.</summary>
    public static readonly string BurstDefinition = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{BurstDetector.Threshold} or more failed logins by one person within {BurstDetector.Window.TotalMinutes:0} minutes, in any source");
}
