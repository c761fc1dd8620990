using System.Text;
using Microsoft.AspNetCore.Http;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// Reads the credential the way the server does: <c>Authorization: Bearer</c> (API key, JWT or session token),
/// <c>Basic</c>, a raw session token in <c>Authorization</c>, or cookie <c>asc_auth_key</c>. The spec's
/// <c>ApiKeyBearer</c> header is ignored.
/// </summary>
internal sealed class DocSpaceAuthenticator
{
    private readonly DocSpaceCredential[] _credentials;

    public DocSpaceAuthenticator(IEnumerable<DocSpaceCredential> credentials) => _credentials = credentials.ToArray();

    public DocSpaceCredential? Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString().Trim();
        if (authorization.Length > 0 && FromAuthorization(authorization) is { } fromHeader)
        {
            return fromHeader;
        }

        return request.Cookies.TryGetValue("asc_auth_key", out var cookie) && !string.IsNullOrEmpty(cookie)
            ? Find(cookie, DocSpaceCredentialKind.SessionToken)
            : null;
    }

    private DocSpaceCredential? FromAuthorization(string value)
    {
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = value["Bearer ".Length..].Trim();
            return Find(token, DocSpaceCredentialKind.ApiKey, DocSpaceCredentialKind.AccessToken, DocSpaceCredentialKind.SessionToken);
        }

        if (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var email = decoded[..colon];
            var password = decoded[(colon + 1)..];
            return _credentials.FirstOrDefault(c => c.Kind == DocSpaceCredentialKind.Password
                && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Secret, password, StringComparison.Ordinal));
        }

        return Find(value, DocSpaceCredentialKind.SessionToken);
    }

    private DocSpaceCredential? Find(string secret, params DocSpaceCredentialKind[] kinds) =>
        _credentials.FirstOrDefault(c => kinds.Contains(c.Kind) && string.Equals(c.Secret, secret, StringComparison.Ordinal));
}
