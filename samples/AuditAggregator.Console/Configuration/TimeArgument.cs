using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Reads <c>--from</c> and <c>--to</c>: an ISO instant (<c>Z</c> or an offset) or an ISO date, which means the whole
/// day in UTC (from its first second for <c>--from</c>; up to its end for <c>--to</c>). A time without a zone is
/// refused rather than guessed.
/// </summary>
internal static class TimeArgument
{
    /// <summary>Gets a value indicating whether <paramref name="text"/> is a date alone (<c>2025-06-01</c>), which means a whole day.</summary>
    public static bool IsDate(string text) => LocalDatePattern.Iso.Parse(text.Trim()).Success;

    public static Instant Parse(string option, string text, bool isEnd)
    {
        text = text.Trim();
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value;
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offsetTime)
        {
            return offsetTime.Value.ToInstant();
        }

        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            var day = isEnd ? date.Value.PlusDays(1) : date.Value;
            return day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        }

        if (LocalDateTimePattern.ExtendedIso.Parse(text).Success)
        {
            throw new BadArgumentException(option, $"'{text}' has no zone; add Z for UTC or an offset such as +03:00.");
        }

        throw new BadArgumentException(
            option,
            $"'{text}' is neither an ISO date (2025-06-01) nor an ISO instant (2025-06-01T09:00:00Z, 2025-06-01T12:00:00+03:00).");
    }
}
