using System.Text.Json;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Collects the details of one event, leaving out what the vendor did not send (missing, null or empty).
/// </summary>
internal sealed class DetailsBuilder(int capacity = 8)
{
    // Sized for the log's usual count (8 for sessions, 16 for webhooks), so the list does not grow twice per event.
    private readonly List<KeyValuePair<string, AuditValue>> _items = new(capacity);

    public DetailsBuilder Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _items.Add(new(key, AuditValue.FromString(value)));
        }

        return this;
    }

    public DetailsBuilder Add(string key, long? value)
    {
        if (value is { } number)
        {
            _items.Add(new(key, AuditValue.FromInt64(number)));
        }

        return this;
    }

    public DetailsBuilder Add(string key, bool? value)
    {
        if (value is { } flag)
        {
            _items.Add(new(key, AuditValue.FromBoolean(flag)));
        }

        return this;
    }

    /// <summary>Adds a JSON value: strings, integers and Booleans as such, anything else as raw JSON.</summary>
    public DetailsBuilder Add(string key, JsonElement? value)
    {
        if (value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } element)
        {
            _items.Add(new(key, AuditValue.FromJsonElement(element)));
        }

        return this;
    }

    /// <summary>Adds the attributes the contract does not declare, so that nothing the vendor sent is lost.</summary>
    public DetailsBuilder AddAll(IDictionary<string, JsonElement>? values)
    {
        foreach (var (key, value) in values ?? Enumerable.Empty<KeyValuePair<string, JsonElement>>())
        {
            Add(key, value);
        }

        return this;
    }

    /// <summary>
    /// Builds the details; with distinct keys (the usual case) the array is handed over as it is, and only an
    /// undeclared attribute repeating a key the mapper added goes through the constructor, where the later one wins.
    /// </summary>
    public AuditDetails Build() => _items.Count == 0
        ? AuditDetails.Empty
        : HasDistinctKeys() ? AuditDetails.FromDistinct([.. _items]) : new AuditDetails(_items);

    private bool HasDistinctKeys()
    {
        for (var i = 1; i < _items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(_items[i].Key, _items[j].Key, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
