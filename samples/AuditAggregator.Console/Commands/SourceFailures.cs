using System.Collections.Concurrent;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// The sources that failed during a run while the others carried on: each failure is kept, and reported at the end
/// in one line naming the source and the cause (exit 3), after the other sources' events were delivered.
/// </summary>
internal sealed class SourceFailures
{
    private readonly ConcurrentQueue<AuditSourceFailure> _failures = new();

    /// <summary>Gets or sets a callback told of each failure as it happens (follow mode warns at once).</summary>
    public Action<AuditSourceFailure>? OnFailure { get; set; }

    public bool Any => !_failures.IsEmpty;

    /// <summary>Gets the options of a merged read that carries on without a failed source and records it here.</summary>
    public AuditFeedOptions FeedOptions() => new()
    {
        OnSourceFailure = SourceFailureMode.ContinueWithOthers,
        SourceFailed = Record,
    };

    public void Record(AuditSourceFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _failures.Enqueue(failure);
        OnFailure?.Invoke(failure);
    }

    /// <summary>Writes one line per failed source, last on stderr, and gives the exit code: 3 when any failed.</summary>
    /// <param name="stderr">Where the lines go.</param>
    /// <param name="names">Every source read, to say which were delivered in full.</param>
    /// <param name="committed">Whether the others' progress was committed to a checkpoint.</param>
    /// <returns>The exit code.</returns>
    public int Report(TextWriter stderr, IReadOnlyList<string> names, bool committed)
    {
        var failures = _failures.ToList();
        if (failures.Count == 0)
        {
            return ExitCodes.Success;
        }

        var failed = failures.Select(f => f.SourceName).Distinct(StringComparer.Ordinal).ToList();
        var others = names.Except(failed, StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            stderr.WriteLine($"audit-aggregator: {string.Join(", ", failed)} failed; the events of {string.Join(", ", others)} were all delivered{(committed ? " and committed" : string.Empty)}.");
        }

        foreach (var failure in failures.GroupBy(f => f.SourceName).Select(g => g.Last()))
        {
            stderr.WriteLine($"audit-aggregator: error: {Describe(failure.Exception)}");
        }

        stderr.Flush();
        return ExitCodes.SourceFailed;
    }

    /// <summary>Gets the message of a source's failure with a hint at what to do.</summary>
    public static string Describe(AuditSourceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message + exception.Kind switch
        {
            AuditErrorKind.Authentication => " Check the source's credentials.",
            AuditErrorKind.Authorization => " The account lacks the rights (DocSpace's login history needs an administrator).",
            AuditErrorKind.Plan => " The plan does not include the audit log.",
            AuditErrorKind.RateLimited => " The source is throttling; try again later.",
            _ => string.Empty,
        };
    }
}
