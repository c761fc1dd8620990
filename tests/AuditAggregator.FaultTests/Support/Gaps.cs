using System.Diagnostics;

namespace AuditAggregator.FaultTests.Support;

/// <summary>Measures, on the client, how long an adapter waited before retrying a request.</summary>
public static class Gaps
{
    /// <summary>
    /// Gets, for every request answered with <paramref name="status"/>, the time from its answer to the next
    /// request for the same address (its retry).
    /// </summary>
    /// <param name="probe">The probe.</param>
    /// <param name="status">The status whose retries to measure.</param>
    /// <returns>The waits, in request order.</returns>
    public static IReadOnlyList<TimeSpan> BeforeRetryOf(RequestProbe probe, int status)
    {
        var sent = probe.Sent.OrderBy(s => s.Number).ToList();
        var gaps = new List<TimeSpan>();
        foreach (var failed in sent.Where(s => s.StatusCode == status))
        {
            var retry = sent.FirstOrDefault(s => s.Number > failed.Number && s.Uri == failed.Uri);
            if (retry is not null)
            {
                gaps.Add(Stopwatch.GetElapsedTime(failed.Answered, retry.Sent));
            }
        }

        return gaps;
    }
}
