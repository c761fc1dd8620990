using NodaTime;

namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>
/// Finds bursts of failed logins in a newest-first stream of one person's failures: a burst is 5 or more failed
/// logins within 10 minutes (any source), and runs on while every failure has 4 others within 10 minutes of it.
/// Holds only the failures of the last 10 minutes, and the bursts found.
/// </summary>
internal sealed class BurstDetector
{
    public const int Threshold = 5;

    public static readonly Duration Window = Duration.FromMinutes(10);

    private readonly Queue<Instant> _recent = new();
    private readonly List<FailedLoginBurst> _bursts = [];
    private FailedLoginBurst? _current;

    public IReadOnlyList<FailedLoginBurst> Bursts => _bursts;

    /// <summary>Adds a failed login; times arrive newest first.</summary>
    public void Add(Instant time)
    {
        _recent.Enqueue(time);
        while (_recent.Peek() - time > Window)
        {
            _recent.Dequeue();
        }

        if (_recent.Count < Threshold)
        {
            _current = null;
            return;
        }

        if (_current is null)
        {
            _current = new FailedLoginBurst { Start = time, End = _recent.Peek(), Failures = _recent.Count };
            _bursts.Add(_current);
        }
        else
        {
            _current.Start = time;
            _current.Failures++;
        }
    }
}
