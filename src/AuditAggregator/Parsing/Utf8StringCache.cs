using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AuditAggregator.Parsing;

/// <summary>
/// A small, bounded cache that turns repeated UTF-8 values (user names, addresses, user agents, operation codes) into
/// one shared <see cref="string"/> each, so that an adapter reading thousands of events allocates those strings once.
/// </summary>
/// <remarks>
/// <para>
/// The cache is direct-mapped: a value's hash picks one slot, and a different value with the same slot replaces it.
/// Memory is therefore bounded by <c>capacity</c> strings (and their UTF-8 bytes) of at most <c>maxLength</c> bytes whatever the input, and
/// values chosen to collide only cost misses, never time. Longer values are decoded without caching.
/// </para>
/// <para>
/// Not thread-safe: use one instance per reader (per stream of pages). Strings are immutable, so events that share a
/// cached string are independent of each other.
/// </para>
/// </remarks>
public sealed class Utf8StringCache
{
    /// <summary>The default number of slots.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>The default longest value, in UTF-8 bytes, that is cached.</summary>
    public const int DefaultMaxLength = 128;


    private readonly Entry[] _entries;
    private Pair[]? _pairs;
    private readonly int _mask;
    private readonly int _maxLength;

    /// <summary>
    /// Initializes a new instance of the <see cref="Utf8StringCache"/> class.
    /// </summary>
    /// <param name="capacity">The number of slots, rounded up to a power of two; 16 to 65,536.</param>
    /// <param name="maxLength">The longest value, in UTF-8 bytes, that is cached; 1 to 1,024.</param>
    public Utf8StringCache(int capacity = DefaultCapacity, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 65_536);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 1024);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _entries = new Entry[size];
        _mask = size - 1;
        _maxLength = maxLength;
    }

    /// <summary>
    /// Returns the string of <paramref name="utf8"/>, shared with earlier calls for the same bytes while it stays cached.
    /// </summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    /// <returns>The decoded string.</returns>
    /// <exception cref="DecoderFallbackException">The bytes are not valid UTF-8.</exception>
    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if ((uint)(utf8.Length - 1) < (uint)_maxLength)
        {
            var hash = Hash(utf8);
            ref var entry = ref _entries[hash & _mask];
            if (entry.Hash == hash && entry.Value is { } cached && utf8.SequenceEqual(entry.Utf8))
            {
                return cached;
            }

            return Add(ref entry, hash, utf8);
        }

        return utf8.IsEmpty ? string.Empty : Utf8Text.Decode(utf8);
    }

    // The miss, out of line so that the hit stays small enough to inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Add(ref Entry entry, int hash, ReadOnlySpan<byte> utf8)
    {
        var value = Utf8Text.Decode(utf8);
        entry.Hash = hash;
        entry.Value = value;
        entry.Utf8 = utf8.ToArray();
        return value;
    }

    /// <summary>
    /// Looks <paramref name="utf8"/> up without adding it: for callers that validate a value before they cache it,
    /// so that a hit means the value was valid when it was added.
    /// </summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    /// <param name="value">The cached string, when found.</param>
    /// <returns><see langword="true"/> when the bytes are cached.</returns>
    public bool TryGetCached(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? value)
    {
        if (!utf8.IsEmpty && utf8.Length <= _maxLength)
        {
            var hash = Hash(utf8);
            ref var entry = ref _entries[hash & _mask];
            if (entry.Hash == hash && entry.Value is { } cached && utf8.SequenceEqual(entry.Utf8))
            {
                value = cached;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Returns the unescaped value of the reader's current string or property-name token through the cache.
    /// </summary>
    /// <param name="reader">A reader positioned on a <see cref="JsonTokenType.String"/> or <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The token is not a string.</exception>
    public string GetString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new InvalidOperationException($"Cannot read a string from a {reader.TokenType} token.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return GetString(reader.ValueSpan);
        }

        // Escaped or split: unescape into a stack buffer (an escape is never shorter than what it stands for).
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > 4 * _maxLength)
        {
            return reader.GetString()!;
        }

        Span<byte> buffer = stackalloc byte[length];
        var written = reader.CopyString(buffer);
        return GetString(buffer[..written]);
    }

    /// <summary>
    /// Returns <c>first + separator + second</c>, shared with earlier calls for the same three string instances.
    /// </summary>
    /// <param name="first">The first part.</param>
    /// <param name="separator">The separator, normally a literal.</param>
    /// <param name="second">The second part.</param>
    /// <returns>The joined string.</returns>
    public string Concat(string first, string separator, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(second);
        var hash = (QuickHash(first) * 31) + (QuickHash(second) * 17) + separator.Length;
        _pairs ??= new Pair[_entries.Length];
        ref var pair = ref _pairs[hash & _mask];
        if (ReferenceEquals(pair.First, first) && ReferenceEquals(pair.Separator, separator) && ReferenceEquals(pair.Second, second))
        {
            return pair.Value!;
        }

        var value = string.Concat(first, separator, second);
        pair = new Pair { First = first, Separator = separator, Second = second, Value = value };
        return value;
    }

    /// <summary>
    /// A hash of a string that reads three characters: the slot of a pair only needs to spread the usual values, and
    /// a clash costs a miss. (<see cref="RuntimeHelpers.GetHashCode(object)"/> measured slower than the whole lookup.)
    /// </summary>
    /// <param name="value">The string.</param>
    /// <returns>The hash.</returns>
    internal static int QuickHash(string? value) => value is not { Length: > 0 }
        ? 0
        : (value.Length * 0x2D) ^ (value[0] * 0x3B9) ^ (value[value.Length / 2] * 0x1F) ^ (value[^1] << 7);

    /// <summary>
    /// A cheap hash of the length and the first and last eight bytes: a collision only costs a miss, so reading the
    /// whole value is not worth it (the comparison that follows reads it anyway).
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Prime1 = 0x9E3779B185EBCA87UL;
        const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
        var length = bytes.Length;
        ulong mixed = length >= 8
            ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) ^ BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(bytes[(length - 8)..]), 27)
            : length >= 4
                ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(length - 4)..]) << 32)
                : bytes[0] | ((ulong)bytes[length / 2] << 8) | ((ulong)bytes[length - 1] << 16);
        var hash = (mixed ^ ((ulong)length * Prime2)) * Prime1;
        hash ^= hash >> 32;
        return (int)hash;
    }

    private struct Entry
    {
        public int Hash;
        public string? Value;

        // The bytes the value was decoded from: comparing bytes with bytes measured faster than bytes with chars.
        public byte[]? Utf8;
    }

    private struct Pair
    {
        public string? First;
        public string? Separator;
        public string? Second;
        public string? Value;
    }
}
