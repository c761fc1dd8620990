namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>
/// Deterministic hashing (SplitMix64). <see cref="HashCode"/> is randomised per process, so it cannot make data that
/// is the same on every run.
/// </summary>
internal static class Mix
{
    public static ulong Hash(long seed, ulong salt, long index)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ salt * 0xD1B54A32D192ED03UL ^ (ulong)index * 0xBF58476D1CE4E5B9UL);
        return Finish(z + 0x9E3779B97F4A7C15UL);
    }

    public static ulong Next(ulong value) => Finish(value + 0x9E3779B97F4A7C15UL);

    public static int Below(ulong hash, int bound) => (int)(hash % (ulong)bound);

    public static string Hex(ulong hash, int length) => string.Create(length, hash, static (chars, h) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            if (i % 16 == 0 && i > 0)
            {
                h = Next(h);
            }

            chars[i] = "0123456789abcdef"[(int)((h >> (i % 16 * 4)) & 0xF)];
        }
    });

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
