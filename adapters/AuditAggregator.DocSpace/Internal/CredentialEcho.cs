using System.Text;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Cuts the request's credential out of text the portal sent back, for a server that quotes it in an error message.
/// </summary>
/// <remarks>
/// The secrets are read from the request that got the answer (its <c>Authorization</c> and <c>Cookie</c> headers), so
/// every scheme is covered, a token provider's current token included, and the credential is passed nowhere else.
/// </remarks>
internal static class CredentialEcho
{
    private const string Redacted = "***";
    private const string Cut = "…";

    public static string? Redact(HttpRequestMessage? request, string? text)
    {
        if (request is null || string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Longest first, so that Basic's "email:password" goes before the password inside it.
        var secrets = Secrets(request).Where(s => s.Length > 0).OrderByDescending(s => s.Length).ToList();
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text.EndsWith(Cut, StringComparison.Ordinal) ? RedactCutTail(text[..^Cut.Length], secrets) + Cut : text;
    }

    // A message cut to its first characters (AuditSourceException.MaxVendorMessageLength, marked by "…") may end
    // inside a secret: whatever beginning of a secret it ends with goes too.
    private static string RedactCutTail(string text, List<string> secrets)
    {
        foreach (var secret in secrets)
        {
            for (var length = Math.Min(secret.Length - 1, text.Length); length > 0; length--)
            {
                if (text.AsSpan().EndsWith(secret.AsSpan(0, length), StringComparison.Ordinal))
                {
                    return text[..^length] + Redacted;
                }
            }
        }

        return text;
    }

    private static IEnumerable<string> Secrets(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is { Parameter: { } parameter } authorization)
        {
            yield return parameter;
            if (string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && Decode(parameter) is { } pair)
            {
                yield return pair;
                yield return pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
        }

        if (request.Headers.TryGetValues("Cookie", out var cookies))
        {
            foreach (var part in cookies.SelectMany(c => c.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                yield return part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }
    }

    private static string? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
