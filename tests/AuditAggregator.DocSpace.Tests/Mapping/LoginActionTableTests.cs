using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;

namespace AuditAggregator.DocSpace.Tests.Mapping;

public class LoginActionTableTests
{
    private static AuditEvent Parse(string record) =>
        Assert.Single(new LoginPageParser().Parse(System.Text.Encoding.UTF8.GetBytes($"{{\"response\":[{record}],\"status\":0}}"), 200, 1));

    private static AuditEvent WithCode(int? code) =>
        Parse(code is { } value ? $"{{\"id\":1,\"date\":\"2025-06-02T09:15:42.0000000Z\",\"actionId\":{value}}}" : "{\"id\":1,\"date\":\"2025-06-02T09:15:42.0000000Z\"}");

    /// <summary>The table of audit-event.md and vendors.md, row by row: code, vendor name, action, outcome.</summary>
    public static TheoryData<int, string, string, AuditOutcome> Codes() => new()
    {
        { 1000, "LoginSuccess", "login", AuditOutcome.Success },
        { 1001, "LoginSuccessViaSocialAccount", "login", AuditOutcome.Success },
        { 1002, "LoginFailInvalidCombination", "login", AuditOutcome.Failure },
        { 1003, "LoginFailSocialAccountNotFound", "login", AuditOutcome.Failure },
        { 1004, "LoginFailDisabledProfile", "login", AuditOutcome.Failure },
        { 1005, "LoginFail", "login", AuditOutcome.Failure },
        { 1006, "Logout", "logout", AuditOutcome.Success },
        { 1007, "LoginSuccessViaSms", "login", AuditOutcome.Success },
        { 1008, "LoginFailViaSms", "login", AuditOutcome.Failure },
        { 1009, "LoginFailIpSecurity", "login", AuditOutcome.Failure },
        { 1010, "LoginSuccessViaApi", "login", AuditOutcome.Success },
        { 1011, "LoginSuccessViaSocialApp", "login", AuditOutcome.Success },
        { 1012, "LoginSuccessViaApiSms", "login", AuditOutcome.Success },
        { 1013, "LoginFailViaApi", "login", AuditOutcome.Failure },
        { 1014, "LoginFailViaApiSms", "login", AuditOutcome.Failure },
        { 1015, "LoginSuccessViaSSO", "login", AuditOutcome.Success },
        { 1016, "SessionStarted", "session-start", AuditOutcome.Success },
        { 1017, "SessionCompleted", "session-end", AuditOutcome.Success },
        { 1018, "LoginFailViaSSO", "login", AuditOutcome.Failure },
        { 1019, "LoginSuccessViaApiSocialAccount", "login", AuditOutcome.Success },
        { 1020, "LoginFailViaApiSocialAccount", "login", AuditOutcome.Failure },
        { 1021, "LoginSuccesViaTfaApp", "login", AuditOutcome.Success },
        { 1022, "LoginFailViaTfaApp", "login", AuditOutcome.Failure },
        { 1023, "LoginFailBruteForce", "login", AuditOutcome.Failure },
        { 1024, "LoginSuccessViaApiTfa", "login", AuditOutcome.Success },
        { 1025, "LoginFailViaApiTfa", "login", AuditOutcome.Failure },
        { 1026, "LoginFailRecaptcha", "login", AuditOutcome.Failure },
        { 1027, "AuthLinkActivated", "login", AuditOutcome.Success },
        { 1028, "LoginSuccessViaOAuth", "login", AuditOutcome.Success },
        { 1029, "LoginSuccessViaPassword", "login", AuditOutcome.Success },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Map_EveryLoginCode_MatchesTheDesignTable(int code, string name, string action, AuditOutcome outcome)
    {
        var e = WithCode(code);

        Assert.Equal(action, e.Action);
        Assert.Equal(outcome, e.Outcome);
        Assert.Equal(AuditCategory.Authentication, e.Category);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.VendorAction);
        Assert.Equal(name, e.VendorActionName);
    }

    [Fact]
    public void Codes_CoverEveryCodeFrom1000To1029()
    {
        var covered = Codes().Select(row => (int)row[0]).Order();

        Assert.Equal(Enumerable.Range(1000, 30), covered);
    }

    [Theory]
    [InlineData(1030)]
    [InlineData(5000)]
    [InlineData(7005)]
    public void Map_UnknownCode_KeptAsOtherWithRawCode(int code)
    {
        var e = WithCode(code);

        Assert.Equal((AuditActions.Other, AuditOutcome.Unknown, AuditCategory.Other), (e.Action, e.Outcome, e.Category));
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.VendorAction);
        Assert.Null(e.VendorActionName);
    }

    [Fact]
    public void Map_ActionIdAsNumericString_Read()
    {
        var e = Parse("{\"id\":5,\"date\":\"2025-06-02T09:15:42.0000000Z\",\"actionId\":\"1006\"}");

        Assert.Equal(AuditActions.Logout, e.Action);
    }

    [Fact]
    public void Map_NoActionId_OtherWithEmptyVendorAction()
    {
        var e = WithCode(null);

        Assert.Equal((AuditActions.Other, string.Empty), (e.Action, e.VendorAction));
    }

    [Fact]
    public void Fixture_IsTheContractExample()
    {
        Assert.Contains("48213", Fixture.Read("login-filter.200.json"), StringComparison.Ordinal);
    }
}
