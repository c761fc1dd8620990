namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The MessageAction codes the simulated login history uses: their enum names (accepted by the <c>action</c> filter)
/// and the English sentences the portal shows in <c>action</c>.
/// </summary>
internal static class MessageActions
{
    public const int LoginSuccess = 1000;
    public const int LoginFailInvalidCombination = 1002;
    public const int LoginFail = 1005;
    public const int Logout = 1006;
    public const int LoginSuccessViaApi = 1010;
    public const int SessionStarted = 1016;
    public const int SessionCompleted = 1017;
    public const int LoginFailBruteForce = 1023;

    /// <summary>A code newer than the contract's enum, served only when the options ask for it.</summary>
    public const int OutsideContract = 1030;

    private static readonly Dictionary<int, (string Name, string Text)> Table = new()
    {
        [1000] = ("LoginSuccess", "Login Success"),
        [1001] = ("LoginSuccessViaSocialAccount", "Login Success via Social Account"),
        [1002] = ("LoginFailInvalidCombination", "Login Fail. Invalid username-password combination"),
        [1003] = ("LoginFailSocialAccountNotFound", "Login Fail. Associated social account not found"),
        [1004] = ("LoginFailDisabledProfile", "Login Fail. Disabled profile"),
        [1005] = ("LoginFail", "Login Fail"),
        [1006] = ("Logout", "Logout"),
        [1007] = ("LoginSuccessViaSms", "Login Success via SMS"),
        [1008] = ("LoginFailViaSms", "Login Fail via SMS"),
        [1009] = ("LoginFailIpSecurity", "Login Fail. IP security"),
        [1010] = ("LoginSuccessViaApi", "Login Success via API"),
        [1011] = ("LoginSuccessViaSocialApp", "Login Success via Social Application"),
        [1012] = ("LoginSuccessViaApiSms", "Login Success via API and SMS"),
        [1013] = ("LoginFailViaApi", "Login Fail via API"),
        [1014] = ("LoginFailViaApiSms", "Login Fail via API and SMS"),
        [1015] = ("LoginSuccessViaSSO", "Login Success via SSO"),
        [1016] = ("SessionStarted", "Session started"),
        [1017] = ("SessionCompleted", "Session completed"),
        [1018] = ("LoginFailViaSSO", "Login Fail via SSO"),
        [1019] = ("LoginSuccessViaApiSocialAccount", "Login Success via API and Social Account"),
        [1020] = ("LoginFailViaApiSocialAccount", "Login Fail via API and Social Account"),
        [1021] = ("LoginSuccesViaTfaApp", "Login Success via TFA application"),
        [1022] = ("LoginFailViaTfaApp", "Login Fail via TFA application"),
        [1023] = ("LoginFailBruteForce", "Login Fail. Brute force"),
        [1024] = ("LoginSuccessViaApiTfa", "Login Success via API and TFA"),
        [1025] = ("LoginFailViaApiTfa", "Login Fail via API and TFA"),
        [1026] = ("LoginFailRecaptcha", "Login Fail. Recaptcha"),
        [1027] = ("AuthLinkActivated", "Authorization link activated"),
        [1028] = ("LoginSuccessViaOAuth", "Login Success via OAuth 2.0"),
        [1029] = ("LoginSuccessViaPassword", "Login Success via login and password"),
        [4035] = ("UserLogoutActiveConnection", "User logged out of an active connection"),
        [7005] = ("SuspiciousLoginDetected", "Suspicious login detected"),
        [OutsideContract] = ("LoginSuccessViaPasskey", "Login Success via passkey"),
    };

    /// <summary>Gets the codes that are not in vendors.md's login table (an adapter must keep them as "other").</summary>
    public static IReadOnlyList<int> Unknown { get; } = [7005, 4035];

    /// <summary>Gets every code of the login table, which the data set cycles through so each one appears.</summary>
    public static IReadOnlyList<int> Known { get; } = Enumerable.Range(1000, 30).ToArray();

    public static bool IsFailure(int code) =>
        code is 1002 or 1003 or 1004 or 1005 or 1008 or 1009 or 1013 or 1014 or 1018 or 1020 or 1022 or 1023 or 1025 or 1026;

    /// <summary>Gets whether the code is an API login, for which the portal records no browser, platform or page.</summary>
    public static bool IsApi(int code) => code is 1010 or 1012 or 1013 or 1014 or 1019 or 1020 or 1024 or 1025;

    public static string Text(int code) => Table.TryGetValue(code, out var entry) ? entry.Text : "Unknown action";

    public static bool TryParse(string value, out int code)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out code))
        {
            return true;
        }

        if (string.Equals(value, "None", StringComparison.OrdinalIgnoreCase))
        {
            code = -1;
            return true;
        }

        foreach (var (key, entry) in Table)
        {
            if (string.Equals(entry.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                code = key;
                return true;
            }
        }

        code = 0;
        return false;
    }
}
