using System.Buffers.Binary;
using NodaTime;

namespace AuditAggregator.Parsing;

/// <summary>
/// Reads the ISO 8601 shape vendors send for an event's time straight from UTF-8:
/// <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of 1 to 7 digits, then <c>Z</c> or <c>±hh:mm</c> (at most 14 hours),
/// for a year from 1000 to 9000. It declines everything else (no zone, more digits, whitespace, out-of-range fields),
/// so that an adapter hands those to its general parser: for every text it accepts it gives what
/// <see cref="DateTimeOffset.TryParseExact(string, string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>
/// or NodaTime's <c>OffsetDateTimePattern.ExtendedIso</c> give.
/// </summary>
/// <remarks>
/// One instance per reader: it remembers the calendar day of the last time read and reuses it when the next text
/// starts with the same ten bytes (the events of a page share a few days). Not thread-safe.
/// </remarks>
public sealed class Utf8IsoTimeParser
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private ulong _dayKey;
    private ushort _dayKey2;
    private long _dayTicks;

    /// <summary>
    /// Reads a time.
    /// </summary>
    /// <param name="text">The UTF-8 text, without quotes.</param>
    /// <param name="time">The instant, when read.</param>
    /// <param name="offset">The offset the text gave, when read.</param>
    /// <returns><see langword="true"/> when the text has the shape above.</returns>
    public bool TryParse(ReadOnlySpan<byte> text, out Instant time, out Offset offset)
    {
        time = default;
        offset = default;
        if (text.Length < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        var key = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var key2 = BinaryPrimitives.ReadUInt16LittleEndian(text[8..]);
        if (_dayTicks == 0 || key != _dayKey || key2 != _dayKey2)
        {
            if (!TryDay(text, out var ticks))
            {
                return false;
            }

            (_dayKey, _dayKey2, _dayTicks) = (key, key2, ticks);
        }

        if (!TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59
            || !TryFraction(text, out var fraction, out var zoneStart)
            || !TryZone(text[zoneStart..], out var offsetMinutes))
        {
            return false;
        }

        var local = _dayTicks + (((hour * 3600L) + (minute * 60L) + second) * TimeSpan.TicksPerSecond) + fraction;
        time = Instant.FromUnixTimeTicks(local - (offsetMinutes * TimeSpan.TicksPerMinute) - UnixEpochTicks);
        offset = Offset.FromSeconds(offsetMinutes * 60);
        return true;
    }

    private static bool TryDay(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;

        // Far from DateTimeOffset's limits, so that the general parsers succeed for the same text.
        if (text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || year is < 1000 or > 9000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        ticks = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).Ticks;
        return true;
    }

    /// <summary>An optional fraction of 1 to 7 digits after the seconds, in ticks; where the zone starts.</summary>
    private static bool TryFraction(ReadOnlySpan<byte> text, out long fraction, out int end)
    {
        fraction = 0;
        end = 19;
        if (text[end] != '.')
        {
            return true;
        }

        var digits = 0;
        end++;
        while (end < text.Length && (uint)(text[end] - '0') <= 9)
        {
            if (++digits > 7)
            {
                return false;
            }

            fraction = (fraction * 10) + (text[end] - '0');
            end++;
        }

        for (var scale = digits; scale < 7; scale++)
        {
            fraction *= 10;
        }

        return digits > 0;
    }

    private static bool TryZone(ReadOnlySpan<byte> zone, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (zone.Length == 1 && zone[0] == 'Z')
        {
            return true;
        }

        if (zone.Length == 6 && zone[0] is (byte)'+' or (byte)'-' && zone[3] == ':'
            && TryDigits(zone, 1, 2, out var hours) && TryDigits(zone, 4, 2, out var minutes)
            && minutes <= 59 && (hours < 14 || (hours == 14 && minutes == 0)))
        {
            offsetMinutes = ((hours * 60) + minutes) * (zone[0] == '-' ? -1 : 1);
            return true;
        }

        return false;
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
