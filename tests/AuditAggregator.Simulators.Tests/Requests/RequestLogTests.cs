namespace AuditAggregator.Simulators.Tests.Requests;

public class RequestLogTests
{
    [Fact]
    public async Task Log_CountsPerPath_AndRedactsCredentialValues()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now });
        using var docSpace = Clients.DocSpace(world.DocSpace);
        docSpace.DefaultRequestHeaders.Add("Cookie", "asc_auth_key=" + DocSpaceCredential.DefaultSessionToken);
        using var exaVault = Clients.ExaVault(world.ExaVault);
        await Clients.GetJsonAsync(docSpace, DocSpaceSimulator.FilterPath + "?count=5&startIndex=10");
        await Clients.GetJsonAsync(docSpace, DocSpaceSimulator.LastPath);
        await Clients.GetJsonAsync(docSpace, DocSpaceSimulator.LastPath);
        await Clients.GetJsonAsync(exaVault, "activity/session?limit=3&username=alice");

        Assert.Equal(2, world.DocSpace.Requests.CountFor(DocSpaceSimulator.LastPath));
        Assert.Equal(1, world.DocSpace.Requests.CountFor(DocSpaceSimulator.FilterPath));
        Assert.Equal(3, world.DocSpace.RequestCount);
        Assert.Equal(1, world.ExaVault.Requests.CountsByPath["/api/v2/activity/session"]);

        var filter = world.DocSpace.Requests.Snapshot()[0];
        Assert.Equal("GET", filter.Method);
        Assert.Equal("5", filter.Query("count"));
        Assert.Equal("10", filter.Query("startIndex"));
        Assert.Equal(200, filter.StatusCode);
        Assert.Null(filter.Fault);
        Assert.Equal(RequestLog.Redacted, filter.Headers["Authorization"]);
        Assert.Equal(RequestLog.Redacted, filter.Headers["Cookie"]);

        var session = world.ExaVault.Requests.Snapshot().Single();
        Assert.Contains("ev-api-key", session.HeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("alice", session.Query("username"));
        var everything = string.Join("\n", world.DocSpace.Requests.Snapshot().Concat(world.ExaVault.Requests.Snapshot())
            .SelectMany(r => r.Headers.Values.Append(r.PathAndQuery)));
        Assert.DoesNotContain(DocSpaceCredential.DefaultApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(DocSpaceCredential.DefaultSessionToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ExaVaultSimulatorOptions.DefaultApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ExaVaultSimulatorOptions.DefaultAccessToken, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_RecordsFaultAndStatus_CapacityBoundsTheSnapshotNotTheCounts()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Now = Clients.Now, RequestLogCapacity = 2 });
        sim.Faults.Enqueue(SimulatedFault.ServerError(500));
        using var http = Clients.ExaVault(sim);
        for (var i = 0; i < 3; i++)
        {
            using var _ = await http.GetAsync("activity/webhooks?limit=1");
        }

        Assert.Equal(3, sim.RequestCount);
        var snapshot = sim.Requests.Snapshot();
        Assert.Equal(2, snapshot.Count);
        Assert.All(snapshot, r => Assert.Equal(200, r.StatusCode));
        sim.Requests.Clear();
        Assert.Equal(0, sim.RequestCount);
    }

    [Fact]
    public void Credential_ToString_HidesSecret()
    {
        var credential = DocSpaceCredential.Password("admin@example.com", "hunter2-secret");
        Assert.DoesNotContain("hunter2", credential.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DocSpaceCredential.DefaultApiKey, DocSpaceCredential.ApiKey(DocSpaceCredential.DefaultApiKey).ToString(), StringComparison.Ordinal);
    }
}
