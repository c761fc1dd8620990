namespace AuditAggregator.Simulators.Tests.Data;

/// <summary>The default data set holds every case an adapter must handle.</summary>
public class DataSetContentTests
{
    private static readonly DocSpaceData DocSpace = DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now });
    private static readonly ExaVaultData ExaVault = ExaVaultData.Create(new ExaVaultSimulatorOptions { Now = Clients.Now });

    [Fact]
    public void DocSpace_EveryLoginCodeAndSomeUnknownOnesAppear()
    {
        var codes = DocSpace.Login.NewestFirst().Select(r => int.Parse(r.Action, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        for (var code = 1000; code <= 1029; code++)
        {
            Assert.Contains(code, codes);
        }

        Assert.Contains(7005, codes);
        Assert.Contains(4035, codes);
        Assert.DoesNotContain(1030, codes);
    }

    [Fact]
    public void DocSpace_OutsideContractOption_ServesNewerCode()
    {
        var data = DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now, IncludeCodesOutsideContract = true });
        Assert.Contains(data.Login.NewestFirst(), r => r.Action == "1030");
    }

    [Fact]
    public void DocSpace_Ipv6IsCutAtFirstColon_AndUnknownAccountsHaveEmptyGuid()
    {
        var records = DocSpace.Login.NewestFirst().ToList();
        Assert.Contains(records, r => r.Ip == "2001");
        Assert.DoesNotContain(records, r => r.Ip!.Contains(':', StringComparison.Ordinal));
        Assert.Contains(records, r => r.UserId == Guid.Empty && r.Login == "unknown@example.com");
    }

    [Fact]
    public void DocSpace_HasBurstsOfFailedLoginsForOneAccount()
    {
        var records = DocSpace.Login.NewestFirst().Reverse().ToList();
        var longest = 0;
        var run = 0;
        for (var i = 1; i < records.Count; i++)
        {
            var failed = records[i].Action is "1002" or "1005" or "1023";
            run = failed && records[i].Login == records[i - 1].Login && records[i].Ip == "185.220.101.4" ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        Assert.True(longest >= 3, $"longest burst {longest}");
        Assert.Contains(records, r => r.Action == "1023" && r.Login == "bob@example.com");
    }

    [Fact]
    public void ExaVault_EveryOperationCodeAndUnknownOnesAppear()
    {
        string[] documented =
        [
            "PASS", "EXIT", "STOR", "RETR", "DELE", "MKD", "RNTO", "MOVE", "COPY", "COMPR", "EXTRACT", "SHARE", "EDIT_SHARE",
            "DELE_SHARE", "SEND", "EDIT_SEND", "DELE_SEND", "RECV", "EDIT_RECV", "DELE_RECV", "NOTIFY", "EDIT_NTFY", "DELE_NTFY",
            "USER", "EDIT_USER", "DELE_USER", "DFA", "EDIT_DFA", "DELE_DFA",
        ];
        var operations = ExaVault.Session.NewestFirst().Select(r => r.Action).ToHashSet();
        Assert.All(documented, code => Assert.Contains(code, operations));
        Assert.Contains(operations, o => !documented.Contains(o));
        Assert.Contains(ExaVault.Session.NewestFirst(), r => r.Action == "PASS" && r.Status == "failed");
        Assert.Contains(ExaVault.Session.NewestFirst(), r => r.Ip == "2001:db8:85a3::8a2e:370:7334");
    }

    [Fact]
    public void ExaVault_WebhooksHaveEveryEventAndFailingListeners()
    {
        var records = ExaVault.Webhooks.NewestFirst().ToList();
        Assert.Equal(10, records.Select(r => r.Action).Distinct().Count());
        Assert.Contains(records, r => r.Status == "500");
        Assert.Contains(records, r => r.Status == "404");
        Assert.Contains(records, r => r.Status == "200");
    }

    [Fact]
    public void Users_SharedAcrossProductsByEmail_SomeInOneOnly()
    {
        var docSpaceLogins = DocSpace.Login.NewestFirst().Select(r => r.Login).ToHashSet();
        var exaVaultNames = ExaVault.Session.NewestFirst().Select(r => r.Login).ToHashSet();
        var shared = SimulatedUsers.All.Where(u => u.InDocSpace && u.InExaVault).ToList();
        Assert.True(shared.Count >= 5);
        Assert.All(shared, u =>
        {
            Assert.Contains(u.Email, docSpaceLogins);
            Assert.Contains(u.ExaVaultUsername, exaVaultNames);
        });
        Assert.Contains(SimulatedUsers.All, u => u.InDocSpace && !u.InExaVault);
        Assert.Contains(SimulatedUsers.All, u => !u.InDocSpace && u.InExaVault);
        Assert.Equal(2500 + 1800 + 700, DocSpace.Login.Count + ExaVault.Session.Count + ExaVault.Webhooks.Count);
    }
}
