using System.Diagnostics.CodeAnalysis;

namespace AuditAggregator.DocSpace;

/// <summary>
/// The DocSpace <c>MessageAction</c> codes that reach the login history, with the vendor's own names.
/// </summary>
/// <remarks>
/// The names are those of the vendor's enum, spelling included (<see cref="LoginSuccesViaTfaApp"/>). Codes the
/// server adds later are not listed; cast the number (<c>(DocSpaceLoginAction)1030</c>) to use one.
/// </remarks>
[SuppressMessage("Design", "CA1008:Enums should have zero value", Justification = "The vendor's codes start at 1000; -1 means no filter.")]
public enum DocSpaceLoginAction
{
    /// <summary>No action filter (<c>-1</c>).</summary>
    None = -1,

    /// <summary>Login succeeded (1000).</summary>
    LoginSuccess = 1000,

    /// <summary>Login succeeded via a social account (1001).</summary>
    LoginSuccessViaSocialAccount = 1001,

    /// <summary>Login failed: wrong user name and password (1002).</summary>
    LoginFailInvalidCombination = 1002,

    /// <summary>Login failed: social account not found (1003).</summary>
    LoginFailSocialAccountNotFound = 1003,

    /// <summary>Login failed: the profile is disabled (1004).</summary>
    LoginFailDisabledProfile = 1004,

    /// <summary>Login failed (1005).</summary>
    LoginFail = 1005,

    /// <summary>Logout (1006).</summary>
    Logout = 1006,

    /// <summary>Login succeeded via SMS (1007).</summary>
    LoginSuccessViaSms = 1007,

    /// <summary>Login failed via SMS (1008).</summary>
    LoginFailViaSms = 1008,

    /// <summary>Login failed: IP security (1009).</summary>
    LoginFailIpSecurity = 1009,

    /// <summary>Login succeeded via the API (1010).</summary>
    LoginSuccessViaApi = 1010,

    /// <summary>Login succeeded via a social app (1011).</summary>
    LoginSuccessViaSocialApp = 1011,

    /// <summary>Login succeeded via the API and SMS (1012).</summary>
    LoginSuccessViaApiSms = 1012,

    /// <summary>Login failed via the API (1013).</summary>
    LoginFailViaApi = 1013,

    /// <summary>Login failed via the API and SMS (1014).</summary>
    LoginFailViaApiSms = 1014,

    /// <summary>Login succeeded via SSO (1015).</summary>
    LoginSuccessViaSSO = 1015,

    /// <summary>Session started (1016).</summary>
    SessionStarted = 1016,

    /// <summary>Session completed (1017).</summary>
    SessionCompleted = 1017,

    /// <summary>Login failed via SSO (1018).</summary>
    LoginFailViaSSO = 1018,

    /// <summary>Login succeeded via the API and a social account (1019).</summary>
    LoginSuccessViaApiSocialAccount = 1019,

    /// <summary>Login failed via the API and a social account (1020).</summary>
    LoginFailViaApiSocialAccount = 1020,

    /// <summary>Login succeeded via a two-factor app (1021); the vendor's enum spells it so.</summary>
    LoginSuccesViaTfaApp = 1021,

    /// <summary>Login failed via a two-factor app (1022).</summary>
    LoginFailViaTfaApp = 1022,

    /// <summary>Login failed: brute-force protection (1023).</summary>
    LoginFailBruteForce = 1023,

    /// <summary>Login succeeded via the API and a two-factor app (1024).</summary>
    LoginSuccessViaApiTfa = 1024,

    /// <summary>Login failed via the API and a two-factor app (1025).</summary>
    LoginFailViaApiTfa = 1025,

    /// <summary>Login failed: reCAPTCHA (1026).</summary>
    LoginFailRecaptcha = 1026,

    /// <summary>An authorization link was activated (1027).</summary>
    AuthLinkActivated = 1027,

    /// <summary>Login succeeded via OAuth 2.0 (1028).</summary>
    LoginSuccessViaOAuth = 1028,

    /// <summary>Login succeeded with login and password (1029).</summary>
    LoginSuccessViaPassword = 1029,
}
