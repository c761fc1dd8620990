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

    public static bool TryParse(string? text, out Instant time, out Offset? offset)
    {
        time = default;
        offset = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
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
}
