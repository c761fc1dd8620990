namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Checks secret text before it goes into a header. Messages name the parameter, never the value.
/// </summary>
internal static class CredentialText
{
    public static string Check(string? value, string parameterName, string forbidden = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The credential value is empty.", parameterName);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || forbidden.Contains(c, StringComparison.Ordinal))
            {
                throw new ArgumentException("The credential value holds a character a header cannot carry.", parameterName);
            }
        }

        return value;
    }
}
