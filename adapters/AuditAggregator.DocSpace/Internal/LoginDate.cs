using System.Buffers.Binary;
using NodaTime;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads the portal's own date shape, <c>2025-06-02T12:15:42.0000000+03:00</c> or <c>...0000000Z</c>, straight from
/// the UTF-8 bytes at fixed positions. Anything else is left to <see cref="LoginEventMapper.ParseDate"/>, so this
/// only ever accepts values that parser reads the same way.
/// </summary>
internal static class LoginDate
{
    private const int FractionEnd = 27;

    public static bool TryParse(ReadOnlySpan<byte> text, out Instant time, out Offset offset)
    {
        var day = default(Day);
        return TryParse(text, ref day, out time, out offset);
    }

    /// <summary>
    /// Reads a date, reusing the calendar day of the previous call when the first ten bytes repeat (events on one
    /// page mostly share a day).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ref Day day, out Instant time, out Offset offset)
    {
        time = default;
        offset = default;
        int offsetSeconds;
        if (text.Length == FractionEnd + 1 && text[FractionEnd] == 'Z')
        {
            offsetSeconds = 0;
        }
        else if (text.Length == FractionEnd + 6 && text[FractionEnd] is (byte)'+' or (byte)'-' && text[30] == ':'
            && TryDigits(text.Slice(28, 2), out var offsetHours) && TryDigits(text.Slice(31, 2), out var offsetMinutes)
            && offsetMinutes < 60 && offsetHours * 60 + offsetMinutes <= 14 * 60)
        {
            offsetSeconds = ((offsetHours * 60) + offsetMinutes) * 60 * (text[FractionEnd] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.'
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || !TryDigits(text.Slice(20, 7), out var fraction)
            || hour > 23 || minute > 59 || second > 59
            || !TryDay(text, ref day))
        {
            return false;
        }

        var utcTicks = day.Ticks + (((hour * 3600L) + (minute * 60) + second - offsetSeconds) * TimeSpan.TicksPerSecond) + fraction;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        time = Instant.FromUnixTimeTicks(utcTicks - DateTime.UnixEpoch.Ticks);
        offset = Offset.FromSeconds(offsetSeconds);
        return true;
    }

    private static bool TryDay(ReadOnlySpan<byte> text, ref Day day)
    {
        var first = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var rest = BinaryPrimitives.ReadUInt16LittleEndian(text[8..]);
        if (day.Known && day.First == first && day.Rest == rest)
        {
            return true;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var dayOfMonth)
            || year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new Day { Known = true, First = first, Rest = rest, Ticks = new DateTime(year, month, dayOfMonth).Ticks };
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            var d = digit - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>The last calendar day read: its first ten bytes and its midnight in ticks.</summary>
    internal struct Day
    {
        public bool Known;
        public ulong First;
        public ushort Rest;
        public long Ticks;
    }
}
