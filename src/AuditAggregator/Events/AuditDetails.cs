using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AuditAggregator;

/// <summary>
/// The vendor fields of an <see cref="AuditEvent"/> that have no field of their own, in the order the adapter added them.
/// </summary>
/// <remarks>
/// Immutable. Equality compares content, so two events with the same details are equal.
/// </remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named for the JSON field 'details'.")]
public sealed class AuditDetails : IReadOnlyDictionary<string, AuditValue>, IEquatable<AuditDetails>
{
    private readonly KeyValuePair<string, AuditValue>[] _items;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditDetails"/> class.
    /// </summary>
    /// <param name="items">The entries; a later entry replaces an earlier one with the same key.</param>
    public AuditDetails(IEnumerable<KeyValuePair<string, AuditValue>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items is IReadOnlyCollection<KeyValuePair<string, AuditValue>> known
            ? new List<KeyValuePair<string, AuditValue>>(known.Count)
            : [];
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item.Key, nameof(items));
            var index = IndexOf(list, item.Key);
            if (index >= 0)
            {
                list[index] = item;
            }
            else
            {
                list.Add(item);
            }
        }

        _items = [.. list];
    }

    private AuditDetails(KeyValuePair<string, AuditValue>[] items) => _items = items;

    // A loop rather than List.FindIndex with a lambda: the lambda captured the item, a closure and a delegate per entry.
    private static int IndexOf(List<KeyValuePair<string, AuditValue>> list, string key)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Gets details with no entries.
    /// </summary>
    public static AuditDetails Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <summary>Gets the entries in order, without an enumerator (for the JSON writer).</summary>
    internal ReadOnlySpan<KeyValuePair<string, AuditValue>> Items => _items;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _items.Select(x => x.Key);

    /// <inheritdoc/>
    public IEnumerable<AuditValue> Values => _items.Select(x => x.Value);

    /// <inheritdoc/>
    public AuditValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The details have no entry '{key}'.");

    /// <summary>
    /// Creates details from entries that the caller guarantees to have distinct keys; no copy is made.
    /// </summary>
    /// <param name="items">The entries, owned by the new instance from now on.</param>
    /// <returns>The details.</returns>
    public static AuditDetails FromDistinct(KeyValuePair<string, AuditValue>[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Length == 0 ? Empty : new AuditDetails(items);
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AuditValue value)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, key, StringComparison.Ordinal))
            {
                value = item.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, AuditValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, AuditValue>>)_items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(AuditDetails? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var item in _items)
        {
            if (!other.TryGetValue(item.Key, out var value) || value != item.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AuditDetails other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var item in _items)
        {
            hash ^= HashCode.Combine(item.Key, item.Value);
        }

        return hash;
    }
}
