using System.Globalization;
using System.Text.RegularExpressions;

namespace AuditAggregator.FaultTests.Support;

/// <summary>The retries the core's resilience pipeline logged (<c>{source}: attempt {n} in {delay} after: {cause}</c>).</summary>
public static partial class RetryLog
{
    /// <summary>Gets the retries of <paramref name="source"/> in <paramref name="lines"/>.</summary>
    /// <param name="lines">The log lines.</param>
    /// <param name="source">The source name.</param>
    /// <returns>Each retry's attempt number, delay and cause, in log order.</returns>
    public static IReadOnlyList<(int Attempt, TimeSpan Delay, string Cause)> Of(IEnumerable<string> lines, string source)
    {
        var retries = new List<(int, TimeSpan, string)>();
        foreach (var line in lines)
        {
            var match = RetryLine().Match(line);
            if (match.Success && match.Groups["source"].Value == source)
            {
                retries.Add((
                    int.Parse(match.Groups["attempt"].Value, CultureInfo.InvariantCulture),
                    TimeSpan.Parse(match.Groups["delay"].Value, CultureInfo.InvariantCulture),
                    match.Groups["cause"].Value));
            }
        }

        return retries;
    }

    [GeneratedRegex(@"(?<source>[a-z]+): attempt (?<attempt>\d+) in (?<delay>[0-9:.]+) after: (?<cause>.*)$")]
    private static partial Regex RetryLine();
}
