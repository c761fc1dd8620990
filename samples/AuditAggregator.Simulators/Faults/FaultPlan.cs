namespace AuditAggregator.Simulators;

/// <summary>
/// The faults a simulator serves, one per request: first the queued ones in order, then, if set, random ones at a
/// seeded rate; otherwise normal answers. A retried request therefore gets the next answer in the plan.
/// </summary>
/// <remarks>Thread-safe. Every request to the simulator consumes one entry, whatever its route.</remarks>
public sealed class FaultPlan
{
    private readonly Queue<SimulatedFault> _queue = new();
    private readonly Lock _lock = new();
    private SimulatedFault[] _randomFaults = [];
    private double _randomRate;
    private Random? _random;
    private int _served;

    /// <summary>Gets the number of queued faults not yet served.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Gets the number of faults served so far (queued and random).</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> requests (after those already queued).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many requests get it. Default 1.</param>
    /// <returns>This plan, to chain calls.</returns>
    public FaultPlan Enqueue(SimulatedFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Enqueue(fault);
            }
        }

        return this;
    }

    /// <summary>
    /// Serves, once the queue is empty, a random fault from <paramref name="faults"/> to a fraction
    /// <paramref name="rate"/> of the requests, drawn from a generator seeded with <paramref name="seed"/>.
    /// </summary>
    /// <param name="rate">The fraction of requests to fail, 0 to 1; 0 turns random faults off.</param>
    /// <param name="seed">The seed of the draw, so a run can be repeated.</param>
    /// <param name="faults">The faults to pick from, uniformly; by default 503 and 429 with <c>Retry-After: 1</c>.</param>
    /// <returns>This plan, to chain calls.</returns>
    public FaultPlan SetRandomFaults(double rate, int seed, params SimulatedFault[] faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);
        ArgumentNullException.ThrowIfNull(faults);
        lock (_lock)
        {
            _randomRate = rate;
            _random = new Random(seed);
            _randomFaults = faults.Length > 0
                ? (SimulatedFault[])faults.Clone()
                : [SimulatedFault.ServerError(503), SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1))];
        }

        return this;
    }

    /// <summary>Removes the queued faults and turns random faults off.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _randomRate = 0;
        }
    }

    internal SimulatedFault? Next()
    {
        SimulatedFault? fault = null;
        lock (_lock)
        {
            if (_queue.Count > 0)
            {
                fault = _queue.Dequeue();
            }
            else if (_randomRate > 0 && _random is { } random && random.NextDouble() < _randomRate)
            {
                fault = _randomFaults[random.Next(_randomFaults.Length)];
            }
        }

        if (fault is not null)
        {
            Interlocked.Increment(ref _served);
        }

        return fault;
    }
}
