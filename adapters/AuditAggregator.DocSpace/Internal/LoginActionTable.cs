using System.Globalization;

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
    /// Gets the vendor's name of <paramref name="code"/>, or <see langword="null"/> when it is unknown.
    /// </summary>
    /// <param name="code">The <c>actionId</c>, or <see langword="null"/>.</param>
    /// <returns>The enum member's name; cached, so naming allocates nothing.</returns>
    public static string? Name(int? code) =>
        code switch
        {
            null => null,
            { } value when value - FirstCode is >= 0 and var index && index < NameTexts.Length => NameTexts[index],
            { } value => Names.GetValueOrDefault(value),
        };

    /// <summary>
    /// Gets <paramref name="code"/> as text, the empty string when missing; the known codes' texts are cached.
    /// </summary>
    /// <param name="code">The <c>actionId</c>, or <see langword="null"/>.</param>
    /// <returns>The code's decimal text.</returns>
    public static string Code(int? code) => code switch
    {
        null => string.Empty,
        { } value when value - FirstCode is >= 0 and var index && index < CodeTexts.Length => CodeTexts[index],
        { } value => value.ToString(CultureInfo.InvariantCulture),
    };

    private const int FirstCode = 1000;

    private static readonly Dictionary<int, string> Names =
        Enum.GetValues<DocSpaceLoginAction>().ToDictionary(action => (int)action, action => action.ToString());

    private static readonly string?[] NameTexts =
        [.. Enumerable.Range(FirstCode, 64).Select(code => Names.GetValueOrDefault(code))];

    private static readonly string[] CodeTexts =
        [.. Enumerable.Range(FirstCode, 64).Select(code => code.ToString(CultureInfo.InvariantCulture))];
}
