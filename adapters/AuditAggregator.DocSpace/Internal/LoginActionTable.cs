namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Maps a <c>MessageAction</c> code of the login history to the normalized action and outcome (audit-event.md).
/// </summary>
internal static class LoginActionTable
{
    public static (string Action, AuditOutcome Outcome) Map(int? code) => code switch
    {
        1000 or 1001 or 1007 or 1010 or 1011 or 1012 or 1015 or 1019 or 1021 or 1024 or 1027 or 1028 or 1029
            => (AuditActions.Login, AuditOutcome.Success),
        1002 or 1003 or 1004 or 1005 or 1008 or 1009 or 1013 or 1014 or 1018 or 1020 or 1022 or 1023 or 1025 or 1026
            => (AuditActions.Login, AuditOutcome.Failure),
        1006 => (AuditActions.Logout, AuditOutcome.Success),
        1016 => (AuditActions.SessionStart, AuditOutcome.Success),
        1017 => (AuditActions.SessionEnd, AuditOutcome.Success),
        _ => (AuditActions.Other, AuditOutcome.Unknown),
    };

    /// <summary>
    /// Gets the vendor's enum name of a known code, or <see langword="null"/> for a code this version does not know.
    /// </summary>
    public static string? Name(int? code) =>
        code is { } value && Enum.IsDefined((DocSpaceLoginAction)value) ? ((DocSpaceLoginAction)value).ToString() : null;
}
