using AuditAggregator.DocSpace.Internal;

namespace AuditAggregator.DocSpace;

/// <summary>
/// A credential for a DocSpace portal, in one of the schemes the server really reads.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> names the scheme only; the secret never appears in it, nor in any exception or log.
/// </remarks>
public abstract class DocSpaceCredential
{
    private protected DocSpaceCredential()
    {
    }

    /// <summary>
    /// Gets the scheme of this credential.
    /// </summary>
    public abstract DocSpaceCredentialKind Kind { get; }

    /// <summary>
    /// Creates a personal access token / API key credential, sent as <c>Authorization: Bearer sk-...</c>.
    /// </summary>
    /// <param name="apiKey">The key.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The key is empty or holds a line break.</exception>
    public static DocSpaceCredential ApiKey(string apiKey) => new TokenCredential(DocSpaceCredentialKind.ApiKey, CredentialText.Check(apiKey, nameof(apiKey)));

    /// <summary>
    /// Creates an OAuth2 / OpenID access-token credential, sent as <c>Authorization: Bearer</c>.
    /// </summary>
    /// <param name="accessToken">The token.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The token is empty or holds a line break.</exception>
    public static DocSpaceCredential Bearer(string accessToken)
    {
        var token = CredentialText.Check(accessToken, nameof(accessToken));
        return new TokenCredential(DocSpaceCredentialKind.Bearer, token);
    }

    /// <summary>
    /// Creates an OAuth2 / OpenID access-token credential whose token is asked for before every request, so that
    /// rotated tokens are picked up.
    /// </summary>
    /// <param name="tokenProvider">Returns the current token; it may cache and refresh as it likes.</param>
    /// <returns>The credential.</returns>
    public static DocSpaceCredential Bearer(Func<CancellationToken, ValueTask<string>> tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new TokenProviderCredential(tokenProvider);
    }

    /// <summary>
    /// Creates a Basic credential from an e-mail address and a password.
    /// </summary>
    /// <param name="email">The e-mail address (user name).</param>
    /// <param name="password">The password.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">A value is empty, holds a line break, or the e-mail holds a colon.</exception>
    public static DocSpaceCredential Basic(string email, string password) => new BasicCredential(email, password);

    /// <summary>
    /// Creates a session credential from the token of <c>POST /api/2.0/authentication</c>, sent as the
    /// <c>asc_auth_key</c> cookie.
    /// </summary>
    /// <param name="sessionToken">The session token.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The token is empty, holds a line break, a <c>;</c> or a <c>,</c>.</exception>
    public static DocSpaceCredential SessionCookie(string sessionToken) => new SessionCookieCredential(sessionToken);

    /// <summary>
    /// Returns the scheme's name, never the secret.
    /// </summary>
    /// <returns>For example <c>DocSpaceCredential(ApiKey, redacted)</c>.</returns>
    public sealed override string ToString() => $"DocSpaceCredential({Kind}, redacted)";

    /// <summary>
    /// Puts the credential on a request.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="source">The source name, for a token provider's failure.</param>
    /// <param name="cancellationToken">Stops a token provider.</param>
    /// <returns>A task that completes when the request carries the credential.</returns>
    internal abstract ValueTask ApplyAsync(HttpRequestMessage request, string source, CancellationToken cancellationToken);
}
