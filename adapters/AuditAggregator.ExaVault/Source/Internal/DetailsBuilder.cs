using System.Text.Json;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Collects the details of one event, leaving out what the vendor did not send (missing, null or empty).
/// </summary>
internal sealed class DetailsBuilder
{
    private readonly List<KeyValuePair<string, AuditValue>> _items = [];

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

    public AuditDetails Build() => _items.Count == 0 ? AuditDetails.Empty : new AuditDetails(_items);
}
