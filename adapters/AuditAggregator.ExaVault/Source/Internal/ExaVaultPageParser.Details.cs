using System.Runtime.CompilerServices;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

// The details and the actor of the current entry: an event's details leave out what the vendor did not send (missing,
// null or empty), and keep every attribute the contract does not declare.
internal abstract partial class ExaVaultPageParser
{
    /// <summary>Keeps an attribute the contract does not declare, as the context's extension data would.</summary>
    /// <returns>Always <see langword="true"/>; malformed JSON throws.</returns>
    protected bool AddUnknown(string name, ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var isNull = reader.TokenType == JsonTokenType.Null;
        var value = isNull ? default : JsonAuditValues.Read(ref reader, json, Strings);
        for (var i = 0; i < _unknown.Count; i++)
        {
            if (string.Equals(_unknown[i].Name, name, StringComparison.Ordinal))
            {
                // The extension dictionary's indexer: a repeated name keeps its place and takes the last value.
                _unknown[i] = (name, value, isNull);
                return true;
            }
        }

        _unknown.Add((name, value, isNull));
        return true;
    }

    /// <summary>Gets a value indicating whether <c>created</c> was read.</summary>
    protected bool HasTime => _hasTime;

    /// <summary>
    /// Starts the details of the current entry: an array for the <paramref name="known"/> details the subclass counted,
    /// plus room for the undeclared attributes, so that the details are written once and handed over without a copy.
    /// </summary>
    protected KeyValuePair<string, AuditValue>[] StartDetails(int known)
    {
        var extra = 0;
        for (var i = 0; i < _unknown.Count; i++)
        {
            extra += _unknown[i].IsNull ? 0 : 1;
        }

        return known + extra == 0 ? [] : new KeyValuePair<string, AuditValue>[known + extra];
    }

    /// <summary>Counts a detail <see cref="Put(KeyValuePair{string, AuditValue}[], ref int, string, string?)"/> adds.</summary>
    protected static int Has(string? value) => string.IsNullOrEmpty(value) ? 0 : 1;

    /// <summary>Counts a detail that is added when present.</summary>
    protected static int Has<T>(T? value)
        where T : struct => value.HasValue ? 1 : 0;

    /// <summary>Adds a detail unless it is missing or empty.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items[count++] = new(key, AuditValue.FromString(value));
        }
    }

    /// <summary>Adds a detail unless it is missing.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, long? value)
    {
        if (value is { } number)
        {
            items[count++] = new(key, AuditValue.FromInt64(number));
        }
    }

    /// <summary>Adds a detail unless it is missing.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, bool? value)
    {
        if (value is { } flag)
        {
            items[count++] = new(key, AuditValue.FromBoolean(flag));
        }
    }

    /// <summary>Adds a detail unless it is missing.</summary>
    protected static void Put(KeyValuePair<string, AuditValue>[] items, ref int count, string key, AuditValue? value)
    {
        if (value is { } known)
        {
            items[count++] = new(key, known);
        }
    }

    /// <summary>
    /// Adds the undeclared attributes after the <paramref name="count"/> details written, then builds the details: with
    /// distinct keys (the usual case) the array is handed over as it is, and only an undeclared attribute repeating a
    /// key goes through the constructor, where the later one wins.
    /// </summary>
    protected AuditDetails FinishDetails(KeyValuePair<string, AuditValue>[] items, int count)
    {
        for (var i = 0; i < _unknown.Count; i++)
        {
            var (name, value, isNull) = _unknown[i];
            if (!isNull)
            {
                items[count++] = new(name, value);
            }
        }

        if (count != items.Length)
        {
            throw new InvalidOperationException("The details counted and the details written differ.");
        }

        if (count == 0)
        {
            return AuditDetails.Empty;
        }

        return _unknown.Count == 0 || HasDistinctKeys(items) ? AuditDetails.FromDistinct(items) : new AuditDetails(items);
    }

    /// <summary>Returns the actor of a user name (unknown when empty), shared for a repeated (cached) name.</summary>
    protected AuditActor ActorOf(string? username)
    {
        if (string.IsNullOrEmpty(username))
        {
            return AuditActor.Unknown;
        }

        ref var slot = ref _actors[Slot(username, ActorSlotBits)];
        if (slot is { } known && ReferenceEquals(known.Name, username))
        {
            return known;
        }

        return slot = new AuditActor(null, username, username);
    }

    /// <summary>
    /// The slot of a string in a table of 2^<paramref name="bits"/>, for the reference-keyed caches: a mixed hash of
    /// four characters and the length, enough to spread the usual values, and a clash only costs a miss
    /// (<see cref="RuntimeHelpers.GetHashCode(object)"/> measured as slow as the rest of the lookup).
    /// </summary>
    protected static int Slot(string value, int bits)
    {
        var hash = value.Length == 0
            ? 0
            : (value.Length * 0x2D) ^ (value[0] * 0x3B9) ^ (value[value.Length / 2] * 0x1F) ^ (value[^1] << 7) ^ (value[value.Length / 4] << 13);
        return (int)(((uint)hash * 0x9E3779B1u) >> (32 - bits));
    }

    private static bool HasDistinctKeys(KeyValuePair<string, AuditValue>[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(items[i].Key, items[j].Key, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
