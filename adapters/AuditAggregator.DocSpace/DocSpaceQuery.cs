using System.Globalization;

namespace AuditAggregator.DocSpace;

/// <summary>
/// Formats values for the query of <see cref="IDocSpaceLoginHistoryApi"/> and <see cref="IDocSpaceAuditTrailApi"/> in the form the server reads.
/// </summary>
public static class DocSpaceQuery
{
    /// <summary>
    /// Formats an instant for <c>from</c> and <c>to</c>: UTC with <c>Z</c>, whatever offset <paramref name="value"/>
    /// carries, with fractional seconds only when they are not zero (a value without a zone makes the server fail).
    /// </summary>
    /// <param name="value">The instant.</param>
    /// <returns>For example <c>2025-06-01T00:00:00Z</c>.</returns>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
