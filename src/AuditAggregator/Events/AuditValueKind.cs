using System.Diagnostics.CodeAnalysis;

namespace AuditAggregator;

/// <summary>
/// The kind of value an <see cref="AuditValue"/> holds.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The kinds mirror JsonValueKind's names.")]
public enum AuditValueKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A whole number that fits in 64 bits.</summary>
    Integer,

    /// <summary>A Boolean.</summary>
    Boolean,

    /// <summary>Any other JSON value (an object, an array, a fractional number), kept as raw JSON text.</summary>
    Json,
}
