using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Parses ExaVault's <c>created</c>: ISO 8601 with <c>Z</c> or an offset (kept), or, undocumented, with no zone
/// (read as UTC, with no offset).
/// </summary>
internal static class VendorTime
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDateTimePattern WithoutZone = LocalDateTimePattern.ExtendedIso;

    /// <summary>
    /// The documented shapes, for the BCL parser, which allocates nothing; the NodaTime patterns allocated 360 to 560
    /// bytes per entry (see the benchmarks' <c>profile</c>). One format per call, chosen by the zone; anything else
    /// falls through to the patterns.
    /// </summary>
    private const string WithOffsetFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    private const string WithZFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public static bool TryParse(string? text, out Instant time, out Offset? offset)
    {
        time = default;
        offset = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (TryParseFast(text, out var fast))
        {
            time = Instant.FromDateTimeOffset(fast);
            offset = Offset.FromTimeSpan(fast.Offset);
            return true;
        }

        var zoned = WithOffset.Parse(text);
        if (zoned.Success)
        {
            time = zoned.Value.ToInstant();
            offset = zoned.Value.Offset;
            return true;
        }

        var local = WithoutZone.Parse(text);
        if (local.Success)
        {
            time = local.Value.InUtc().ToInstant();
            return true;
        }

        return false;
    }

    private static bool TryParseFast(string text, out DateTimeOffset value)
    {
        // Only with an explicit zone, "Z" or "+hh:mm": the BCL would read a missing one as local time.
        var format = text.Length < 20 ? null
            : text[^1] == 'Z' ? WithZFormat
            : text[^6] is '+' or '-' && text[^3] == ':' ? WithOffsetFormat
            : null;
        if (format is not null)
        {
            return DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }

        value = default;
        return false;
    }
}
