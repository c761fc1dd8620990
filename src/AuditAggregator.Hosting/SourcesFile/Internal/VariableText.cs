namespace AuditAggregator.Hosting.Internal;

/// <summary>
/// Replaces each <c>${NAME}</c> in a string by the environment variable <c>NAME</c>. Failures name the variable,
/// never the text around it, which may be a secret.
/// </summary>
internal static class VariableText
{
    /// <summary>Expands the references in <paramref name="text"/>.</summary>
    /// <param name="text">The text as written in the file.</param>
    /// <param name="variables">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>The expanded text, or the failure's description, and whether any reference was found.</returns>
    public static Expansion Expand(string text, Func<string, string?> variables)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new Expansion(text, null, UsedVariable: false);
        }

        var result = new System.Text.StringBuilder(text.Length);
        var missing = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                return Failed("has '${' without a closing '}'.");
            }

            var name = text[(start + 2)..end];
            if (!IsVariableName(name))
            {
                return Failed("has a '${...}' whose variable name is not letters, digits and '_' (starting with a letter or '_').");
            }

            var value = variables(name);
            if (string.IsNullOrEmpty(value))
            {
                missing.Add(name);
            }

            result.Append(text, position, start - position).Append(value);
            position = end + 1;
        }

        return missing.Count switch
        {
            0 => new Expansion(result.ToString(), null, UsedVariable: true),
            1 => Failed($"the environment variable {missing[0]} is not set (or is empty)."),
            _ => Failed($"the environment variables {string.Join(", ", missing.Distinct(StringComparer.Ordinal))} are not set (or are empty)."),
        };
    }

    private static Expansion Failed(string error) => new(null, error, UsedVariable: true);

    private static bool IsVariableName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>The outcome of an expansion.</summary>
    /// <param name="Value">The expanded text, or <see langword="null"/> on failure.</param>
    /// <param name="Error">The failure's description, or <see langword="null"/>.</param>
    /// <param name="UsedVariable">Whether the text holds a reference, so its secret is not written inline.</param>
    internal readonly record struct Expansion(string? Value, string? Error, bool UsedVariable);
}
