using System.Text.Json;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;

namespace AuditAggregator.Hosting.Internal;

/// <summary>
/// The credential and log keys of one entry: DocSpace's five schemes, ExaVault's two headers and its streams.
/// </summary>
internal sealed partial class SourceEntryReader
{
    private DocSpaceCredential? ReadDocSpaceCredential()
    {
        var given = SourceKeys.DocSpaceCredentials.Where(_values.ContainsKey).ToList();
        if (given.Count != 1)
        {
            Error(null, given.Count == 0
                ? $"needs a credential: one of {string.Join(", ", SourceKeys.DocSpaceCredentials)}."
                : $"has {given.Count} credentials ({string.Join(", ", given)}); give exactly one.");
            return null;
        }

        var key = given[0];
        if (key == SourceKeys.Basic)
        {
            return ReadBasic();
        }

        var secret = Text(key, secret: true, required: true);
        return secret is null ? null : Credential(key, () => key switch
        {
            SourceKeys.ApiKey => DocSpaceCredential.ApiKey(secret),
            SourceKeys.AccessToken => DocSpaceCredential.Bearer(secret),
            SourceKeys.Cookie => DocSpaceCredential.SessionCookie(secret),

            // The console's --docspace-token convention: both kinds travel as Bearer; an API key starts with sk-.
            _ => secret.StartsWith("sk-", StringComparison.Ordinal) ? DocSpaceCredential.ApiKey(secret) : DocSpaceCredential.Bearer(secret),
        });
    }

    private DocSpaceCredential? ReadBasic()
    {
        var value = _values[SourceKeys.Basic];
        string? email;
        string? password;
        if (value.ValueKind == JsonValueKind.Object)
        {
            var parts = value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            foreach (var extra in parts.Keys.Where(k => k is not "email" and not "password"))
            {
                Error($"{SourceKeys.Basic}.{extra}", "is not a key of basic; it takes email and password.");
            }

            email = Expand(parts, "email", secret: false);
            password = Expand(parts, "password", secret: true);
        }
        else
        {
            var text = Text(SourceKeys.Basic, secret: true, required: true);
            var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (text is not null && colon <= 0)
            {
                Error(SourceKeys.Basic, """must be "email:password" or {"email": ..., "password": ...}.""");
                return null;
            }

            email = text?[..colon];
            password = text?[(colon + 1)..];
        }

        return email is null || password is null ? null : Credential(SourceKeys.Basic, () => DocSpaceCredential.Basic(email, password));
    }

    private string? Expand(Dictionary<string, JsonElement> parts, string part, bool secret)
    {
        var key = $"{SourceKeys.Basic}.{part}";
        if (!parts.TryGetValue(part, out var element))
        {
            Error(key, "is required.");
            return null;
        }

        return TextOf(key, element, secret);
    }

    private DocSpaceCredential? Credential(string key, Func<DocSpaceCredential> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException)
        {
            Error(key, "cannot be sent: it is empty, or holds a line break or another character a header cannot carry.");
            return null;
        }
    }

    private (string ApiKey, string AccessToken)? ReadExaVaultCredential()
    {
        var apiKey = Text(SourceKeys.ApiKey, secret: true, required: true);
        var accessToken = Text(SourceKeys.AccessToken, secret: true, required: true);
        var ok = HeaderSafe(SourceKeys.ApiKey, apiKey) & HeaderSafe(SourceKeys.AccessToken, accessToken);
        return ok && apiKey is not null && accessToken is not null ? (apiKey, accessToken) : null;
    }

    private bool HeaderSafe(string key, string? value)
    {
        if (value is not null && value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            Error(key, "holds white space or a control character, which a header cannot carry.");
            return false;
        }

        return true;
    }

    private ExaVaultStreams? ReadStreams()
    {
        if (!_values.TryGetValue(SourceKeys.Streams, out var value))
        {
            return ExaVaultStreams.All;
        }

        var names = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList()
            : [value.ValueKind == JsonValueKind.String ? value.GetString() : null];
        var streams = ExaVaultStreams.None;
        foreach (var name in names)
        {
            streams |= name switch
            {
                ExaVaultSourceNames.SessionStream => ExaVaultStreams.Session,
                ExaVaultSourceNames.WebhookStream => ExaVaultStreams.Webhook,
                "all" => ExaVaultStreams.All,
                _ => ExaVaultStreams.None,
            };
            if (name is not (ExaVaultSourceNames.SessionStream or ExaVaultSourceNames.WebhookStream or "all"))
            {
                Error(SourceKeys.Streams, """must be "session", "webhook", "all" or an array of them.""");
                return null;
            }
        }

        if (streams == ExaVaultStreams.None)
        {
            Error(SourceKeys.Streams, "must name at least one log.");
            return null;
        }

        return streams;
    }
}
