using System.Buffers.Binary;
using NodaTime;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads the shapes ExaVault actually sends for <c>created</c> straight from UTF-8:
/// <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of 1 to 7 digits, then <c>Z</c> or <c>±hh:mm</c>.
/// It gives the same result as <see cref="VendorTime.TryParse"/> for every text it accepts, and declines anything
/// else (no zone, other precisions, whitespace, out-of-range fields) so that the caller asks <see cref="VendorTime"/>.
/// </summary>
internal static class Utf8VendorTime
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    public static bool TryParse(ReadOnlySpan<byte> text, out Instant time, out Offset offset)
    {
        var day = default(Day);
        return TryParse(text, ref day, out time, out offset);
    }

    /// <summary>
    /// Reads a time as <see cref="TryParse(ReadOnlySpan{byte}, out Instant, out Offset)"/> does, reusing the date of the
    /// previous call when the text starts with the same ten bytes (the entries of a page share a few days).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ref Day day, out Instant time, out Offset offset)
    {
        time = default;
        offset = default;
        if (text.Length < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        var key = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var key2 = BinaryPrimitives.ReadUInt16LittleEndian(text[8..]);
        long dayTicks;
        if (day.Ticks > 0 && key == day.Key && key2 == day.Key2)
        {
            dayTicks = day.Ticks;
        }
        else
        {
            if (text[4] != '-' || text[7] != '-'
                || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var dayOfMonth))
            {
                return false;
            }

            // Far from DateTimeOffset's limits, so that the BCL parse VendorTime uses would succeed for the same text.
            if (year is < 1000 or > 9000 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            dayTicks = new DateTime(year, month, dayOfMonth, 0, 0, 0, DateTimeKind.Unspecified).Ticks;
            day = new Day { Key = key, Key2 = key2, Ticks = dayTicks };
        }

        if (!TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long fraction = 0;
        if (text[position] == '.')
        {
            var digits = 0;
            position++;
            while (position < text.Length && (uint)(text[position] - '0') <= 9)
            {
                if (++digits > 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + (text[position] - '0');
                position++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        var zone = text[position..];
        int offsetMinutes;
        if (zone.Length == 1 && zone[0] == 'Z')
        {
            offsetMinutes = 0;
        }
        else if (zone.Length == 6 && zone[0] is (byte)'+' or (byte)'-' && zone[3] == ':'
            && TryDigits(zone, 1, 2, out var zoneHours) && TryDigits(zone, 4, 2, out var zoneMinutes)
            && zoneMinutes <= 59 && (zoneHours < 14 || (zoneHours == 14 && zoneMinutes == 0)))
        {
            offsetMinutes = ((zoneHours * 60) + zoneMinutes) * (zone[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        var local = dayTicks + (((hour * 3600L) + (minute * 60L) + second) * TimeSpan.TicksPerSecond) + fraction;
        var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        time = Instant.FromUnixTimeTicks(utc - UnixEpochTicks);
        offset = Offset.FromSeconds(offsetMinutes * 60);
        return true;
    }

    /// <summary>The date last read: its first ten bytes and its ticks at midnight (0 before the first).</summary>
    internal struct Day
    {
        public ulong Key;
        public ushort Key2;
        public long Ticks;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
