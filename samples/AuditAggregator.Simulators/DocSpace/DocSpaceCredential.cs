namespace AuditAggregator.Simulators;

/// <summary>
/// A credential the simulated portal accepts, and whether it belongs to an administrator (others get 403).
/// </summary>
/// <remarks><see cref="ToString"/> never shows the secret.</remarks>
public sealed class DocSpaceCredential
{
    /// <summary>The default administrator API key.</summary>
    public const string DefaultApiKey = "sk-simulated-admin-4b1d9e7c2a";

    /// <summary>The default administrator OAuth2 access token (a JWT-shaped string; signatures are not checked).</summary>
    public const string DefaultAccessToken =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbkBleGFtcGxlLmNvbSIsInNjb3BlIjoicmVhZCJ9.c2ltdWxhdGVkLXNpZ25hdHVyZQ";

    /// <summary>The default administrator session token (cookie <c>asc_auth_key</c> or raw <c>Authorization</c>).</summary>
    public const string DefaultSessionToken = "simulated-session-8f3a2c71e0d94b56";

    /// <summary>The default administrator e-mail, for Basic authentication.</summary>
    public const string DefaultAdminEmail = "admin@example.com";

    /// <summary>The default administrator password, for Basic authentication.</summary>
    public const string DefaultAdminPassword = "simulated-Passw0rd";

    /// <summary>The default API key of a user who is not an administrator (answered with 403).</summary>
    public const string DefaultNonAdminApiKey = "sk-simulated-user-90a7f3e5b2";

    private DocSpaceCredential(DocSpaceCredentialKind kind, string secret, string? email, bool isAdmin)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Kind = kind;
        Secret = secret;
        Email = email;
        IsAdmin = isAdmin;
    }

    /// <summary>Gets the kind of credential.</summary>
    public DocSpaceCredentialKind Kind { get; }

    /// <summary>Gets the key, token or password.</summary>
    public string Secret { get; }

    /// <summary>Gets the e-mail of a <see cref="DocSpaceCredentialKind.Password"/> credential.</summary>
    public string? Email { get; }

    /// <summary>Gets a value indicating whether the credential is an administrator's.</summary>
    public bool IsAdmin { get; }

    /// <summary>Creates an API key credential.</summary>
    /// <param name="key">The key, normally <c>sk-...</c>.</param>
    /// <param name="isAdmin">Whether it belongs to an administrator.</param>
    /// <returns>The credential.</returns>
    public static DocSpaceCredential ApiKey(string key, bool isAdmin = true) => new(DocSpaceCredentialKind.ApiKey, key, null, isAdmin);

    /// <summary>Creates an OAuth2 / OpenID access token credential.</summary>
    /// <param name="token">The token.</param>
    /// <param name="isAdmin">Whether it belongs to an administrator.</param>
    /// <returns>The credential.</returns>
    public static DocSpaceCredential AccessToken(string token, bool isAdmin = true) => new(DocSpaceCredentialKind.AccessToken, token, null, isAdmin);

    /// <summary>Creates a session token credential.</summary>
    /// <param name="token">The token.</param>
    /// <param name="isAdmin">Whether it belongs to an administrator.</param>
    /// <returns>The credential.</returns>
    public static DocSpaceCredential SessionToken(string token, bool isAdmin = true) => new(DocSpaceCredentialKind.SessionToken, token, null, isAdmin);

    /// <summary>Creates an e-mail and password credential.</summary>
    /// <param name="email">The e-mail.</param>
    /// <param name="password">The password.</param>
    /// <param name="isAdmin">Whether it belongs to an administrator.</param>
    /// <returns>The credential.</returns>
    public static DocSpaceCredential Password(string email, string password, bool isAdmin = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        return new(DocSpaceCredentialKind.Password, password, email, isAdmin);
    }

    /// <summary>Creates the default set: one administrator credential of each kind and one non-administrator API key.</summary>
    /// <returns>A new list.</returns>
    public static IList<DocSpaceCredential> CreateDefaults() =>
    [
        ApiKey(DefaultApiKey),
        AccessToken(DefaultAccessToken),
        SessionToken(DefaultSessionToken),
        Password(DefaultAdminEmail, DefaultAdminPassword),
        ApiKey(DefaultNonAdminApiKey, isAdmin: false),
    ];

    /// <summary>
    /// Creates the set of simulated account <paramref name="account"/>: for account 1 the defaults
    /// (<see cref="CreateDefaults"/>); for any other, credentials of the same kinds that only that portal accepts.
    /// </summary>
    /// <param name="account">The account number, from 1.</param>
    /// <returns>A new list: the administrator's API key, access token, session token and password, then a non-administrator API key.</returns>
    public static IList<DocSpaceCredential> CreateForAccount(int account)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(account);
        if (account == 1)
        {
            return CreateDefaults();
        }

        var tag = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{account}-{Data.Internal.Mix.Hex(Data.Internal.Mix.Hash(account, 0xD5C, 0), 10)}");
        return
        [
            ApiKey($"sk-simulated-admin-{tag}"),
            AccessToken($"{DefaultAccessToken[..^9]}{tag}"),
            SessionToken($"simulated-session-{tag}"),
            Password(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"admin@account{account}.example.com"), $"simulated-Passw0rd-{tag}"),
            ApiKey($"sk-simulated-user-{tag}", isAdmin: false),
        ];
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}{(Email is null ? string.Empty : " " + Email)} ({(IsAdmin ? "admin" : "user")}, secret redacted)";
}
