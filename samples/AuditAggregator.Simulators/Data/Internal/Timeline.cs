namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>
/// The time axis of one simulated log: event <c>i</c> (0 = oldest) gets a time that is a pure function of the seed and
/// <c>i</c>, non-decreasing in <c>i</c>, in whole seconds, with occasional exact ties and tight bursts.
/// </summary>
/// <remarks>
/// The first <see cref="InitialCount"/> events are spread over the span that ends at "now"; appended events follow
/// "now" at a fixed spacing. Because times never decrease, a time bound maps to an index by binary search.
/// </remarks>
internal sealed class Timeline
{
    private const int BlockSize = 64;
    private const ulong BurstSalt = 0xB0B5;
    private const ulong TieSalt = 0x7135;

    private readonly long _seed;
    private readonly ulong _salt;
    private readonly long _startMs;
    private readonly long _spanMs;
    private readonly long _nowMs;
    private readonly long _appendMs;
    private readonly long _jitterMs;
    private readonly long _burstStepMs;
    private long _count;

    public Timeline(long seed, ulong salt, long initialCount, DateTimeOffset now, TimeSpan span, TimeSpan appendSpacing)
    {
        _seed = seed;
        _salt = salt;
        InitialCount = initialCount;
        _count = initialCount;
        _nowMs = now.ToUnixTimeMilliseconds();
        _spanMs = (long)span.TotalMilliseconds;
        _startMs = _nowMs - _spanMs;
        _appendMs = Math.Max(1, (long)appendSpacing.TotalMilliseconds);
        var stepMs = initialCount == 0 ? _spanMs : _spanMs / initialCount;
        _jitterMs = stepMs / 2;
        _burstStepMs = Math.Min(stepMs / 2, 1000);
    }

    public long InitialCount { get; }

    public long Count => Volatile.Read(ref _count);

    public long Append(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Interlocked.Add(ref _count, count);
    }

    public Burst? BurstAt(long index)
    {
        var block = index / BlockSize;
        var h = Mix.Hash(_seed, _salt ^ BurstSalt, block);
        if (h % 3 != 0)
        {
            return null;
        }

        var length = 3 + (int)((h >> 16) % 6);
        var start = (block * BlockSize) + (long)((h >> 8) % (ulong)(BlockSize - length));
        return index >= start && index < start + length ? new Burst(start, (int)(index - start), length, h) : null;
    }

    public DateTimeOffset TimeAt(long index) => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs(index) / 1000 * 1000);

    /// <summary>Gets the smallest index whose time is at or after <paramref name="time"/> (Count when none).</summary>
    public long FirstAtOrAfter(DateTimeOffset time, long count)
    {
        long lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (TimeAt(mid) < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Gets the smallest index whose time is after <paramref name="time"/> (Count when none).</summary>
    public long FirstAfter(DateTimeOffset time, long count)
    {
        long lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (TimeAt(mid) <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private long TimeMs(long index)
    {
        if (index >= InitialCount)
        {
            return BaseMs(index);
        }

        if (BurstAt(index) is { } burst)
        {
            return BaseMs(burst.Start) + ((index - burst.Start) * _burstStepMs);
        }

        return IsTie(index) ? TimeMs(index - 1) : BaseMs(index);
    }

    private bool IsTie(long index) => index > 0 && RawTie(index) && !RawTie(index - 1);

    private bool RawTie(long index) => Mix.Hash(_seed, _salt ^ TieSalt, index) % 19 == 0;

    private long BaseMs(long index)
    {
        if (index >= InitialCount)
        {
            return _nowMs + ((index - InitialCount + 1) * _appendMs);
        }

        var jitter = _jitterMs > 0 ? (long)(Mix.Hash(_seed, _salt, index) % (ulong)_jitterMs) : 0;
        return _startMs + (long)((Int128)index * _spanMs / InitialCount) + jitter;
    }
}
