using System.Globalization;
using System.Text.Json;

namespace AuditAggregator;

/// <summary>
/// One value of <see cref="AuditEvent.Details"/>: a string, an integer, a Boolean or raw JSON.
/// </summary>
/// <remarks>
/// A small value type rather than <see cref="JsonElement"/> so that adapters can fill details without parsing a
/// document per event.
/// </remarks>
public readonly struct AuditValue : IEquatable<AuditValue>
{
    private readonly string? _text;
    private readonly long _integer;

    private AuditValue(AuditValueKind kind, string? text, long integer)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
    }

    /// <summary>
    /// Gets the kind of value held.
    /// </summary>
    public AuditValueKind Kind { get; }

    /// <summary>
    /// Creates a string value.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static AuditValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AuditValueKind.String, value, 0);
    }

    /// <summary>
    /// Creates an integer value.
    /// </summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static AuditValue FromInt64(long value) => new(AuditValueKind.Integer, null, value);

    /// <summary>
    /// Creates a Boolean value.
    /// </summary>
    /// <param name="value">The Boolean.</param>
    /// <returns>The value.</returns>
    public static AuditValue FromBoolean(bool value) => new(AuditValueKind.Boolean, null, value ? 1 : 0);

    /// <summary>
    /// Creates a value from raw JSON text, kept as it is.
    /// </summary>
    /// <param name="json">A complete JSON value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The text is not one complete JSON value.</exception>
    public static AuditValue FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The text is not one complete JSON value.", nameof(json), ex);
        }

        return new(AuditValueKind.Json, json, 0);
    }

    /// <summary>
    /// Creates a value from raw JSON text that a reader has already validated (no second parse).
    /// </summary>
    internal static AuditValue FromJsonText(string json) => new(AuditValueKind.Json, json, 0);

    /// <summary>
    /// Creates a value from a JSON element, choosing the narrowest kind that holds it.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <returns>The value.</returns>
    public static AuditValue FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(AuditValueKind.String, element.GetString(), 0),
        JsonValueKind.True => FromBoolean(true),
        JsonValueKind.False => FromBoolean(false),
        JsonValueKind.Number when element.TryGetInt64(out var n) => FromInt64(n),
        _ => new(AuditValueKind.Json, element.GetRawText(), 0),
    };

    /// <summary>
    /// Creates a string value.
    /// </summary>
    /// <param name="value">The string.</param>
    public static implicit operator AuditValue(string value) => FromString(value);

    /// <summary>
    /// Creates an integer value.
    /// </summary>
    /// <param name="value">The integer.</param>
    public static implicit operator AuditValue(long value) => FromInt64(value);

    /// <summary>
    /// Creates a Boolean value.
    /// </summary>
    /// <param name="value">The Boolean.</param>
    public static implicit operator AuditValue(bool value) => FromBoolean(value);

    /// <summary>
    /// Determines whether two values are equal.
    /// </summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both have the same kind and content.</returns>
    public static bool operator ==(AuditValue left, AuditValue right) => left.Equals(right);

    /// <summary>
    /// Determines whether two values differ.
    /// </summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when kind or content differ.</returns>
    public static bool operator !=(AuditValue left, AuditValue right) => !left.Equals(right);

    /// <summary>
    /// Gets the string held by a <see cref="AuditValueKind.String"/> value, or the raw text of a <see cref="AuditValueKind.Json"/> value.
    /// </summary>
    /// <returns>The text, or <see langword="null"/> for integers and Booleans.</returns>
    public string? AsString() => _text;

    /// <summary>
    /// Gets the integer of an <see cref="AuditValueKind.Integer"/> value.
    /// </summary>
    /// <param name="value">The integer, when the value holds one.</param>
    /// <returns><see langword="true"/> when the value is an integer.</returns>
    public bool TryGetInt64(out long value)
    {
        value = _integer;
        return Kind == AuditValueKind.Integer;
    }

    /// <summary>
    /// Gets the Boolean of a <see cref="AuditValueKind.Boolean"/> value.
    /// </summary>
    /// <param name="value">The Boolean, when the value holds one.</param>
    /// <returns><see langword="true"/> when the value is a Boolean.</returns>
    public bool TryGetBoolean(out bool value)
    {
        value = _integer != 0;
        return Kind == AuditValueKind.Boolean;
    }

    /// <summary>
    /// Writes the value as JSON.
    /// </summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case AuditValueKind.String:
                writer.WriteStringValue(_text);
                break;
            case AuditValueKind.Integer:
                writer.WriteNumberValue(_integer);
                break;
            case AuditValueKind.Boolean:
                writer.WriteBooleanValue(_integer != 0);
                break;
            default:
                writer.WriteRawValue(_text!, skipInputValidation: true);
                break;
        }
    }

    /// <inheritdoc/>
    public bool Equals(AuditValue other) =>
        Kind == other.Kind && _integer == other._integer && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AuditValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _integer, _text);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        AuditValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        AuditValueKind.Boolean => _integer != 0 ? "true" : "false",
        _ => _text ?? string.Empty,
    };
}
