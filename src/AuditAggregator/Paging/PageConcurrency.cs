namespace AuditAggregator.Paging;

/// <summary>
/// How many page requests one source may have in flight at once: at most <see cref="Max"/>, lowered at once when the
/// vendor throttles or its remaining allowance falls, and raised again one step at a time while requests succeed.
/// </summary>
/// <remarks>
/// Thread-safe. One instance belongs to one source (its <see cref="Resilience.SourceResilience"/> owns it) and is
/// shared by that source's reads, so a 429 seen by one read slows every read of the source, and no other source.
/// The limit is the source's in total: reads running at once (the two logs of an ExaVault account) share it, a
/// request at a time, in the order they ask, each looking ahead by its share; a limit of 1 makes them take turns.
/// </remarks>
public sealed class PageConcurrency
{
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _current;
    private int _successes;
    private int _busy;
    private int _reads;

    /// <summary>
    /// Initializes a new instance of the <see cref="PageConcurrency"/> class, starting at its maximum.
    /// </summary>
    /// <param name="max">The most requests in flight at once; 1 pages sequentially.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    public PageConcurrency(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        Max = max;
        _current = max;
    }

    /// <summary>
    /// Gets the most requests in flight at once.
    /// </summary>
    public int Max { get; }

    /// <summary>
    /// Gets the number of requests that may be in flight now, from 1 to <see cref="Max"/>.
    /// </summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>Gets how many pages one of the reads running now may hold (asked for and not yet delivered): its share of <see cref="Current"/>, at least 1.</summary>
    internal int Share => Math.Max(1, Current / Math.Max(1, Volatile.Read(ref _reads)));

    /// <summary>Counts a read that starts; <see cref="EndRead"/> when it ends.</summary>
    internal void BeginRead() => Interlocked.Increment(ref _reads);

    /// <summary>Counts a read that ended.</summary>
    internal void EndRead() => Interlocked.Decrement(ref _reads);

    /// <summary>Gets how many requests are on the wire now, across the source's reads.</summary>
    internal int Busy
    {
        get
        {
            lock (_waiting)
            {
                return _busy;
            }
        }
    }

    /// <summary>
    /// Waits for a slot: fewer than <see cref="Current"/> requests of the source on the wire. First come, first served.
    /// Every completed wait is paired with one <see cref="Exit"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the slot is the caller's.</returns>
    internal Task EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_waiting)
        {
            if (_waiting.Count == 0 && _busy < Current)
            {
                _busy++;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);

            // Waiters cancelled before it may be all that stood in the way.
            Admit();
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
    }

    /// <summary>Gives back the slot of a request that has finished, and passes it on to the longest waiter.</summary>
    internal void Exit()
    {
        lock (_waiting)
        {
            _busy--;
            Admit();
        }
    }

    private async Task WaitAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using (cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), waiter))
        {
            try
            {
                await waiter.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Admit may have given the slot an instant before the cancellation won: a cancelled waiter holds none.
                lock (_waiting)
                {
                    Admit();
                }

                throw;
            }
        }
    }

    // Under the lock: hand slots to waiters, in order, while the limit allows; cancelled waiters are dropped.
    private void Admit()
    {
        while (_waiting.Count > 0 && _busy < Current)
        {
            if (_waiting.Dequeue().TrySetResult())
            {
                _busy++;
            }
        }
    }

    /// <summary>
    /// Halves the current limit (to no less than 1), at once: the vendor answered 429.
    /// </summary>
    public void Throttled()
    {
        int current;
        do
        {
            current = Volatile.Read(ref _current);
        }
        while (Interlocked.CompareExchange(ref _current, Math.Max(1, current / 2), current) != current);

        Volatile.Write(ref _successes, 0);
    }

    /// <summary>
    /// Lowers the current limit to <paramref name="limit"/> when it is higher, at once: the vendor's remaining allowance fell.
    /// </summary>
    /// <param name="limit">The new limit; values below 1 count as 1.</param>
    public void LowerTo(int limit)
    {
        limit = Math.Max(1, limit);
        int current;
        do
        {
            current = Volatile.Read(ref _current);
            if (current <= limit)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _current, limit, current) != current);

        Volatile.Write(ref _successes, 0);
    }

    /// <summary>
    /// Counts a request that succeeded; after four times the current limit in a row, the limit rises by one, up to
    /// <see cref="Max"/>.
    /// </summary>
    public void Succeeded()
    {
        var current = Volatile.Read(ref _current);
        if (current >= Max || Interlocked.Increment(ref _successes) < 4 * current)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _current, current + 1, current) == current)
        {
            Volatile.Write(ref _successes, 0);
            lock (_waiting)
            {
                Admit();
            }
        }
    }
}
