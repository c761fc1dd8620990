using System.Globalization;
using System.Text.RegularExpressions;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Reads the typed values of options from their text. A value that does not parse, or is out of range, is a
/// <see cref="BadArgumentException"/> that names the option and says in words what is expected.
/// </summary>
internal static partial class ArgumentValues
{
    /// <summary>Reads a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? WholeNumber(string option, string? text, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        var expected = string.Create(CultureInfo.InvariantCulture, $"give a whole number from {min:N0} to {max:N0}");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadArgumentException(option, $"'{text}' is not a whole number; {expected}.");
        }

        if (value < min || value > max)
        {
            throw new BadArgumentException(option, string.Create(CultureInfo.InvariantCulture, $"{value} is out of range; {expected}."));
        }

        return (int)value;
    }

    /// <summary>Reads a fraction from 0 to 1, such as <c>0.1</c>.</summary>
    public static double? Fraction(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1)
        {
            throw new BadArgumentException(option, $"'{text}' is not a number from 0 to 1 (the share of requests, such as 0.1).");
        }

        return value;
    }

    /// <summary>
    /// Reads a duration: a number of seconds (<c>30</c>, <c>1.5</c>) or a number with a unit (<c>500ms</c>,
    /// <c>30s</c>, <c>5m</c>, <c>1h</c>), from <paramref name="min"/> to <paramref name="max"/>.
    /// </summary>
    public static TimeSpan? Duration(string option, string? text, TimeSpan min, TimeSpan max)
    {
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            throw new BadArgumentException(option, $"'{text}' is not a duration; give a number of seconds (30) or a number with a unit: 500ms, 30s, 5m, 1h.");
        }

        var number = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        // At most eight digits before the point: 99,999,999 hours still fits a TimeSpan.
        var duration = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => TimeSpan.FromSeconds(number),
        };
        if (duration < min)
        {
            throw new BadArgumentException(option, $"{text} is below the minimum of {Describe(min)}; give {Describe(min)} or more.");
        }

        if (duration > max)
        {
            throw new BadArgumentException(option, $"{text} is above the maximum of {Describe(max)}.");
        }

        return duration;
    }

    /// <summary>
    /// Checks the path of a file to write (<c>--output</c>, <c>--checkpoint</c>) before anything starts: not a
    /// directory, and in a directory that exists.
    /// </summary>
    public static string? FileToWrite(string option, string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            throw new BadArgumentException(option, $"'{path}' is a directory; give the path of a file.");
        }

        string? directory;
        try
        {
            directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadArgumentException(option, $"'{path}' is not a usable file path: {ex.Message}", ex);
        }

        if (directory is not null && !Directory.Exists(directory))
        {
            throw new BadArgumentException(option, $"'{path}': the directory '{directory}' does not exist.");
        }

        return path;
    }

    /// <summary>Describes a duration in the form the options accept: <c>500ms</c>, <c>1s</c>, <c>5m</c>, <c>24h</c>.</summary>
    public static string Describe(TimeSpan duration) =>
        duration == TimeSpan.Zero ? "0"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0}h")
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0}m")
        : duration.Ticks % TimeSpan.TicksPerSecond == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");

    [GeneratedRegex(@"^(?<number>[0-9]{1,8}(\.[0-9]+)?)\s*(?<unit>ms|s|m|h)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
