namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// A session token sent as the <c>asc_auth_key</c> cookie. The HTTP client must not manage cookies itself
/// (registration turns <c>UseCookies</c> off), or a cookie container could add or replace cookies.
/// </summary>
internal sealed class SessionCookieCredential : DocSpaceCredential
{
    public const string CookieName = "asc_auth_key";

    private readonly string _cookie;

    public SessionCookieCredential(string sessionToken)
    {
        CredentialText.Check(sessionToken, nameof(sessionToken), forbidden: ";, \"");
        _cookie = CookieName + "=" + sessionToken;
    }

    public override DocSpaceCredentialKind Kind => DocSpaceCredentialKind.SessionCookie;

    internal override ValueTask ApplyAsync(HttpRequestMessage request, string source, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Cookie");
        request.Headers.TryAddWithoutValidation("Cookie", _cookie);
        return ValueTask.CompletedTask;
    }
}
