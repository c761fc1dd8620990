namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>The daily transaction allowance over a rolling 24 hours, counted in hourly buckets on the injected clock.</summary>
internal sealed class Allowance
{
    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly long[] _hours = new long[24];
    private readonly int[] _counts = new int[24];
    private readonly Lock _lock = new();

    public Allowance(int limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
    }

    public int Limit => _limit;

    /// <summary>Counts one transaction; returns false when the allowance was already used up.</summary>
    public bool TryUse(out int remaining)
    {
        lock (_lock)
        {
            var hour = _time.GetUtcNow().ToUnixTimeSeconds() / 3600;
            var used = 0;
            for (var i = 0; i < 24; i++)
            {
                used += hour - _hours[i] < 24 ? _counts[i] : 0;
            }

            if (used >= _limit)
            {
                remaining = 0;
                return false;
            }

            var slot = (int)(hour % 24);
            if (_hours[slot] != hour)
            {
                _hours[slot] = hour;
                _counts[slot] = 0;
            }

            _counts[slot]++;
            remaining = _limit - used - 1;
            return true;
        }
    }
}
