using System.Runtime.CompilerServices;
using NodaTime;

namespace AuditAggregator.Testing;

/// <summary>
/// An in-memory or generated <see cref="IAuditSource"/> for tests: yields events newest first, counts what it
/// produced, and can fail after a number of events.
/// </summary>
public sealed class SyntheticSource : IAuditSource
{
    private readonly Func<long, AuditEvent> _generate;
    private readonly long _count;
    private long _produced;

    /// <summary>Initializes a new instance of the <see cref="SyntheticSource"/> class that yields <paramref name="events"/> (sorted newest first).</summary>
    public SyntheticSource(string name, IEnumerable<AuditEvent> events)
    {
        Name = name;
        var list = events.OrderBy(e => e, AuditEventOrder.NewestFirst).ToArray();
        _generate = i => list[i];
        _count = list.Length;
    }

    /// <summary>Initializes a new instance of the <see cref="SyntheticSource"/> class that generates <paramref name="count"/> events lazily, one per <paramref name="spacing"/>, newest at <paramref name="newest"/>.</summary>
    public SyntheticSource(string name, long count, Instant newest, Duration spacing, string stream = "login")
    {
        Name = name;
        _count = count;
        _generate = i => Create(name, stream, count - i, newest - (spacing * i));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Streams { get; } = ["login"];

    /// <summary>Gets or sets the number of events after which the read throws <see cref="FailWith"/>.</summary>
    public long? FailAfter { get; set; }

    /// <summary>Gets or sets the exception thrown after <see cref="FailAfter"/> events.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Gets or sets a delay before each event, to simulate slow pages.</summary>
    public TimeSpan DelayPerEvent { get; set; }

    /// <summary>Gets the number of events produced so far, across reads.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>Gets the number of reads started.</summary>
    public int ReadsStarted { get; private set; }

    /// <summary>Gets a value indicating whether the last read was stopped by cancellation.</summary>
    public bool WasCancelled { get; private set; }

    /// <summary>Creates an event with the usual test values.</summary>
    public static AuditEvent Create(string source, string stream, long id, Instant time, string action = AuditActions.Login, AuditOutcome outcome = AuditOutcome.Success, string? login = null) => new()
    {
        Source = source,
        Vendor = source,
        Stream = stream,
        SourceId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Time = time,
        Category = AuditActions.All.TryGetValue(action, out var c) ? c : AuditCategory.Other,
        Action = action,
        Outcome = outcome,
        Actor = new AuditActor(null, login, login),
        VendorAction = action,
    };

    /// <inheritdoc/>
    public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ReadsStarted++;
        WasCancelled = false;
        try
        {
            for (long i = 0; i < _count; i++)
            {
                if (FailAfter is { } failAfter && i >= failAfter)
                {
                    throw FailWith ?? new InvalidOperationException("synthetic failure");
                }

                if (DelayPerEvent > TimeSpan.Zero)
                {
                    await Task.Delay(DelayPerEvent, cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                var item = _generate(i);
                Interlocked.Increment(ref _produced);
                if (query.Matches(item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            WasCancelled = cancellationToken.IsCancellationRequested;
        }
    }
}
