using System.Runtime.CompilerServices;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// A small direct-mapped cache of the escaped UTF-8 of strings, keyed by reference: the parsers hand out one instance
/// per distinct name, address, user agent or code, so a repeated value is found without reading its characters.
/// </summary>
/// <remarks>
/// A slot is chosen by a cheap hash of the length and three characters (<see cref="RuntimeHelpers.GetHashCode(object)"/>
/// was slower) and holds only when the reference is the same, so equal text in another instance is escaped again and
/// two strings of the same hash never share bytes. A string is kept on its second sighting in a row in its slot, so
/// values seen once (ids, paths) do not push out the ones that repeat. Bounded: <c>size</c> slots of at most
/// <see cref="MaxBytes"/> bytes. One instance per writer; not thread-safe.
/// </remarks>
internal sealed class EscapedStringCache
{
    /// <summary>The longest escaped text kept.</summary>
    public const int MaxBytes = 512;

    private readonly Entry[] _entries;
    private readonly int _shift;

    public EscapedStringCache(int size)
    {
        if (size <= 0 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be a power of two.");
        }

        _entries = new Entry[size];
        _shift = 32 - int.Log2(size);
    }

    /// <summary>Returns the slot of <paramref name="value"/>; its bytes are <paramref name="value"/>'s only when <see cref="Entry.Key"/> is the same reference.</summary>
    public ref Entry Find(string value) => ref _entries[(int)((ulong)(Hash(value) * 0x9E3779B1u) >> _shift)];

    // Fibonacci hashing takes the slot from the top bits, so every character counts whatever the size.
    internal static uint Hash(string value)
    {
        var length = value.Length;
        return length == 0 ? 0 : ((uint)length * 0x9E3779B1u) ^ value[0] ^ ((uint)value[length >> 1] << 8) ^ ((uint)value[length - 1] << 16);
    }

    /// <summary>One slot.</summary>
    internal struct Entry
    {
        public string? Key;
        public byte[]? Bytes;
        public string? Candidate;

        /// <summary>Keeps <paramref name="bytes"/> for <paramref name="value"/> when it was the last string to miss in this slot.</summary>
        public void Offer(string value, ReadOnlySpan<byte> bytes)
        {
            if (!ReferenceEquals(Candidate, value))
            {
                Candidate = value;
                return;
            }

            Candidate = null;
            if (bytes.Length <= MaxBytes)
            {
                Bytes = bytes.ToArray();
                Key = value;
            }
        }
    }
}
