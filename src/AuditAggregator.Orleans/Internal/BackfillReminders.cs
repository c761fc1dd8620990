using System.Globalization;

namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// A backfill request kept as a reminder: its name holds the window, so the request outlives the silo that took it.
/// </summary>
internal static class BackfillReminders
{
    public const string Prefix = "backfill:";

    public static string Name(BackfillWindow window) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{window.From.ToUnixTimeMilliseconds()}:{window.To.ToUnixTimeMilliseconds()}");

    public static bool TryParse(string reminderName, out BackfillWindow window)
    {
        window = null!;
        if (!reminderName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = reminderName.AsSpan(Prefix.Length);
        var colon = parts.IndexOf(':');
        if (colon < 0
            || !long.TryParse(parts[..colon], NumberStyles.Integer, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(parts[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var to))
        {
            return false;
        }

        window = new BackfillWindow(DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to));
        return true;
    }
}
