namespace AuditAggregator.Simulators;

/// <summary>The kinds of credential a DocSpace portal accepts.</summary>
public enum DocSpaceCredentialKind
{
    /// <summary>A personal access token / API key <c>sk-...</c>, sent as <c>Authorization: Bearer sk-...</c>.</summary>
    ApiKey,

    /// <summary>An OAuth2 / OpenID access token (a JWT), sent as <c>Authorization: Bearer &lt;jwt&gt;</c>.</summary>
    AccessToken,

    /// <summary>A session token, sent as cookie <c>asc_auth_key</c> or as the raw <c>Authorization</c> value.</summary>
    SessionToken,

    /// <summary>An e-mail and password, sent as <c>Authorization: Basic base64(email:password)</c>.</summary>
    Password,
}
