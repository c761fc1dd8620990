using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators;

/// <summary>
/// One simulated vendor log (DocSpace login history, ExaVault session or webhook log), generated on the fly: event
/// <c>i</c> is a pure function of the seed and <c>i</c>, so nothing is held in memory and any page is index arithmetic.
/// </summary>
/// <remarks>
/// Index 0 is the oldest event. Ids and times never decrease with the index; times are whole seconds and some are
/// exactly equal. <see cref="Append"/> adds newer events at the head while clients page.
/// </remarks>
public sealed class SimulatedLog
{
    private readonly Timeline _timeline;
    private readonly Func<long, SimulatedRecord> _record;

    internal SimulatedLog(string source, string name, Timeline timeline, Func<long, SimulatedRecord> record)
    {
        Source = source;
        Name = name;
        _timeline = timeline;

        // The generators write the vendor's default source name; a renamed account's records carry its own.
        _record = source is "docspace" or "exavault" ? record : i => record(i) with { Source = source };
    }

    /// <summary>Gets the source name: <c>docspace</c> or <c>exavault</c>, or the account's own (<c>docspace-2</c>).</summary>
    public string Source { get; }

    /// <summary>Gets the stream name: <c>login</c>, <c>session</c> or <c>webhook</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the number of events now in the log, appended ones included.</summary>
    public long Count => _timeline.Count;

    /// <summary>Gets the number of events the log started with.</summary>
    public long InitialCount => _timeline.InitialCount;

    internal Timeline Timeline => _timeline;

    /// <summary>Gets the event at <paramref name="index"/> (0 = oldest).</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The event's key fields.</returns>
    public SimulatedRecord this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _record(index);
        }
    }

    /// <summary>Adds <paramref name="count"/> newer events at the head of the log; ids keep growing.</summary>
    /// <param name="count">How many events to add.</param>
    /// <returns>The new <see cref="Count"/>.</returns>
    /// <remarks>Appended events are one second apart, starting one second after the simulator's "now".</remarks>
    public long Append(int count) => _timeline.Append(count);

    /// <summary>
    /// Gets, lazily and oldest first, the events whose time is in [<paramref name="from"/>, <paramref name="to"/>]
    /// (both ends inclusive): the set a correct client must return for that window.
    /// </summary>
    /// <param name="from">The earliest instant, inclusive.</param>
    /// <param name="to">The latest instant, inclusive.</param>
    /// <returns>The events in the window, as of the call.</returns>
    public IEnumerable<SimulatedRecord> EventsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var count = Count;
        var first = _timeline.FirstAtOrAfter(from, count);
        var end = _timeline.FirstAfter(to, count);
        return Range(first, end);
    }

    /// <summary>Gets, lazily and newest first, every event in the log as of the call.</summary>
    /// <returns>The events, newest first.</returns>
    public IEnumerable<SimulatedRecord> NewestFirst()
    {
        var count = Count;
        for (var i = count - 1; i >= 0; i--)
        {
            yield return _record(i);
        }
    }

    /// <summary>Gets the time of the event at <paramref name="index"/> without building the whole record.</summary>
    /// <param name="index">The position, 0 = oldest.</param>
    /// <returns>The event's time, UTC.</returns>
    public DateTimeOffset TimeAt(long index) => _timeline.TimeAt(index);

    private IEnumerable<SimulatedRecord> Range(long first, long end)
    {
        for (var i = first; i < end; i++)
        {
            yield return _record(i);
        }
    }
}
