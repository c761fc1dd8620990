using System.Net.Http.Headers;

namespace AuditAggregator.Simulators.Tests.Hosting;

/// <summary><see cref="SimulatorEnvironmentOptions.Accounts"/>: N portals and N accounts, each a world of its own.</summary>
public class ManyAccountsTests
{
    [Fact]
    public async Task StartAsync_OneAccount_KeepsTheNamesSeedPeopleAndCredentialsOfOld()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now, Seed = 5, TotalEventCount = 200 });

        Assert.Equal((1, 1), (world.DocSpaces.Count, world.ExaVaults.Count));
        Assert.Equal(("docspace", "exavault"), (world.DocSpace.Options.SourceName, world.ExaVault.Options.SourceName));
        Assert.Equal((5L, 5L), (world.DocSpace.Data.Seed, world.ExaVault.Data.Seed));
        Assert.Same(SimulatedUsers.All, world.DocSpace.Options.Users);
        Assert.Equal(ExaVaultSimulatorOptions.DefaultApiKey, world.ExaVault.Options.ApiKey);
        Assert.Contains(world.DocSpace.Options.Credentials, c => c.Secret == DocSpaceCredential.DefaultApiKey);
        Assert.StartsWith("docspace:login:", world.DocSpace.Data.Login[0].AuditId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ThreeAccounts_EachHasItsOwnServerSeedPeopleCredentialsAndName()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now, Accounts = 3, TotalEventCount = 300 });

        Assert.Equal(["docspace-1", "docspace-2", "docspace-3"], world.DocSpaces.Select(d => d.Options.SourceName));
        Assert.Equal(["exavault-1", "exavault-2", "exavault-3"], world.ExaVaults.Select(e => e.Options.SourceName));
        Assert.Equal(6, world.DocSpaces.Select(d => d.BaseUri.Port).Concat(world.ExaVaults.Select(e => e.BaseUri.Port)).Distinct().Count());
        Assert.Equal(3, world.DocSpaces.Select(d => d.Data.Seed).Distinct().Count());
        Assert.Equal(3, world.ExaVaults.Select(e => e.Options.ApiKey).Distinct().Count());
        Assert.Equal(3, world.ExaVaults.Select(e => e.Options.AccessToken).Distinct().Count());
        Assert.Equal(3, world.DocSpaces.Select(d => AdminKey(d)).Distinct().Count());
        Assert.Equal("docspace-2:login:", world.DocSpaces[1].Data.Login[0].AuditId[..17]);
        Assert.Equal(300, world.DocSpaces[2].Data.Login.Count + world.ExaVaults[2].Data.Session.Count + world.ExaVaults[2].Data.Webhooks.Count);

        var firstLogins = world.DocSpaces[0].Data.Login.NewestFirst().Select(r => r.Login).OfType<string>().ToHashSet();
        var secondLogins = world.DocSpaces[1].Data.Login.NewestFirst().Select(r => r.Login).OfType<string>().ToHashSet();
        Assert.Contains(secondLogins, l => l.EndsWith("@account2.example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(secondLogins, l => l == "alice@example.com");
        Assert.Contains("alice@example.com", firstLogins);
    }

    [Fact]
    public async Task StartAsync_ThreeAccounts_EachPortalAcceptsOnlyItsOwnCredential()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now, Accounts = 3, TotalEventCount = 100 });

        for (var portal = 0; portal < 3; portal++)
        {
            for (var key = 0; key < 3; key++)
            {
                using var http = new HttpClient { BaseAddress = world.DocSpaces[portal].BaseUri };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey(world.DocSpaces[key]));
                using var response = await http.GetAsync(DocSpaceSimulator.LastPath);
                Assert.Equal(portal == key ? 200 : 401, (int)response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task RequestLog_RecordsAFingerprintOfTheCredentialButNotTheCredential()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now, Accounts = 2, TotalEventCount = 100 });
        var account = world.ExaVaults[1];
        using var http = new HttpClient { BaseAddress = account.ApiBaseUri };
        http.DefaultRequestHeaders.Add("ev-api-key", account.Options.ApiKey);
        http.DefaultRequestHeaders.Add("ev-access-token", account.Options.AccessToken);
        using var response = await http.GetAsync("activity/session?limit=1");

        var request = Assert.Single(account.Requests.Snapshot());
        var expected = RequestLog.Fingerprint([KeyValuePair.Create("ev-api-key", account.Options.ApiKey), KeyValuePair.Create("ev-access-token", account.Options.AccessToken)]);
        Assert.Equal(expected, request.CredentialFingerprint);
        Assert.NotEqual(expected, RequestLog.Fingerprint([KeyValuePair.Create("ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey), KeyValuePair.Create("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken)]));
        Assert.DoesNotContain(account.Options.ApiKey, string.Join(" ", request.Headers.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void ForAccount_OtherAccounts_HaveOtherPeopleButShareTheConsultant()
    {
        var first = SimulatedUsers.ForAccount(1);
        var second = SimulatedUsers.ForAccount(2);
        var third = SimulatedUsers.ForAccount(3);

        Assert.Same(SimulatedUsers.All, first);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(first.Select(u => (u.InDocSpace, u.InExaVault)), second.Select(u => (u.InDocSpace, u.InExaVault)));
        Assert.Equal(["grace@example.com"], first.Select(u => u.Email).Intersect(second.Select(u => u.Email)));
        Assert.Equal(["grace@example.com"], second.Select(u => u.Email).Intersect(third.Select(u => u.Email)));
        Assert.Equal(["grace@example.com"], second.Select(u => u.ExaVaultUsername).OfType<string>().Intersect(third.Select(u => u.ExaVaultUsername).OfType<string>()));
        Assert.Empty(second.Select(u => u.DocSpaceUserId).OfType<Guid>().Intersect(first.Select(u => u.DocSpaceUserId).OfType<Guid>()));
        Assert.Equal(second, SimulatedUsers.ForAccount(2));
    }

    [Fact]
    public async Task StartAsync_TooManyAccounts_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Accounts = 0 }));

    private static string AdminKey(DocSpaceSimulator portal) =>
        portal.Options.Credentials.First(c => c.Kind == DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret;
}
