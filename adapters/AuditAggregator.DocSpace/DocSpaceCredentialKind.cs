namespace AuditAggregator.DocSpace;

/// <summary>
/// How a <see cref="DocSpaceCredential"/> authenticates.
/// </summary>
public enum DocSpaceCredentialKind
{
    /// <summary>A personal access token or API key (<c>sk-...</c>), sent as <c>Authorization: Bearer</c>.</summary>
    ApiKey,

    /// <summary>An OAuth2 / OpenID access token, sent as <c>Authorization: Bearer</c>.</summary>
    Bearer,

    /// <summary>An e-mail address and password, sent as <c>Authorization: Basic</c>.</summary>
    Basic,

    /// <summary>A session token, sent as the <c>asc_auth_key</c> cookie.</summary>
    SessionCookie,
}
