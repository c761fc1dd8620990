using NodaTime;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// Formats an <see cref="Offset"/> exactly as <see cref="OffsetJsonConverter.FormatOffset"/> does (<c>+HH:mm</c>, or
/// <c>+HH:mm:ss</c> when the seconds are not zero; <c>+</c> for zero) straight into UTF-8 bytes.
/// </summary>
internal static class Utf8OffsetFormatter
{
    /// <summary>Room for the longest text, <c>-18:00:00</c>.</summary>
    public const int MaxLength = 9;

    /// <returns>The number of bytes written.</returns>
    public static int Format(Offset value, Span<byte> destination)
    {
        var seconds = value.Seconds;
        destination[0] = seconds < 0 ? (byte)'-' : (byte)'+';
        seconds = Math.Abs(seconds);
        TwoDigits(destination[1..], seconds / 3600);
        destination[3] = (byte)':';
        TwoDigits(destination[4..], seconds / 60 % 60);
        if (seconds % 60 == 0)
        {
            return 6;
        }

        destination[6] = (byte)':';
        TwoDigits(destination[7..], seconds % 60);
        return 9;
    }

    private static void TwoDigits(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }
}
