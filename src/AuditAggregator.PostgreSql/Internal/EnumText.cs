using System.Collections.Frozen;
using System.Text.Json;
using AuditAggregator.Serialization;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// The text of <see cref="AuditCategory"/> and <see cref="AuditOutcome"/> in the columns: the names of the
/// documented JSON form (<c>authentication</c>, <c>success</c>), taken from the core's JSON context.
/// </summary>
internal static class EnumText
{
    private static readonly FrozenDictionary<AuditCategory, string> CategoryNames = NamesOf<AuditCategory>();
    private static readonly FrozenDictionary<AuditOutcome, string> OutcomeNames = NamesOf<AuditOutcome>();
    private static readonly FrozenDictionary<string, AuditCategory> Categories = CategoryNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, AuditOutcome> Outcomes = OutcomeNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(AuditCategory category) => CategoryNames[category];

    public static string Of(AuditOutcome outcome) => OutcomeNames[outcome];

    public static AuditCategory ParseCategory(string text) =>
        Categories.TryGetValue(text, out var value) ? value : throw new FormatException($"'{text}' is not a category.");

    public static AuditOutcome ParseOutcome(string text) =>
        Outcomes.TryGetValue(text, out var value) ? value : throw new FormatException($"'{text}' is not an outcome.");

    private static FrozenDictionary<T, string> NamesOf<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToFrozenDictionary(
            v => v,
            v => JsonSerializer.Serialize(v, AuditJsonContext.Default.GetTypeInfo(typeof(T))!).Trim('"'));
}
