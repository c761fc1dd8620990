using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;

namespace AuditAggregator.DocSpace.Tests.Mapping;

public class LoginActionTableTests
{
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
        var e = LoginEventMapper.Map(new DocSpaceLoginEvent { Id = 1, Date = "2025-06-02T09:15:42.0000000Z", ActionId = code }, false);

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
        var e = LoginEventMapper.Map(new DocSpaceLoginEvent { Id = 1, Date = "2025-06-02T09:15:42.0000000Z", ActionId = code }, false);

        Assert.Equal((AuditActions.Other, AuditOutcome.Unknown, AuditCategory.Other), (e.Action, e.Outcome, e.Category));
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.VendorAction);
        Assert.Null(e.VendorActionName);
    }

    [Fact]
    public void Map_ActionIdAsNumericString_Read()
    {
        var json = "{\"response\":[{\"id\":5,\"date\":\"2025-06-02T09:15:42.0000000Z\",\"actionId\":\"1006\"}],\"status\":0}";

        var record = System.Text.Json.JsonSerializer.Deserialize(json, DocSpaceJsonContext.Default.LoginEventEnvelope)!.Response![0];

        Assert.Equal(AuditActions.Logout, LoginEventMapper.Map(record, false).Action);
    }

    [Fact]
    public void Map_NoActionId_OtherWithEmptyVendorAction()
    {
        var e = LoginEventMapper.Map(new DocSpaceLoginEvent { Id = 1, Date = "2025-06-02T09:15:42.0000000Z" }, false);

        Assert.Equal((AuditActions.Other, string.Empty), (e.Action, e.VendorAction));
    }

    [Fact]
    public void Fixture_IsTheContractExample()
    {
        Assert.Contains("48213", Fixture.Read("login-filter.200.json"), StringComparison.Ordinal);
    }
}
