using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.Simulators.Tests.Hosting;

public class SimulatorEnvironmentTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_BothOnLoopbackEphemeralPorts_SharedSeedAndDefaultSizeAbout5000()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now, Seed = 7 });
        Assert.Equal("127.0.0.1", world.DocSpace.BaseUri.Host);
        Assert.Equal("127.0.0.1", world.ExaVault.BaseUri.Host);
        Assert.NotEqual(world.DocSpace.BaseUri.Port, world.ExaVault.BaseUri.Port);
        Assert.Equal(7, world.DocSpace.Data.Seed);
        Assert.Equal(7, world.ExaVault.Data.Seed);
        Assert.Equal(Clients.Now, world.Now);
        Assert.Equal(5000, world.DocSpace.Data.Login.Count + world.ExaVault.Data.Session.Count + world.ExaVault.Data.Webhooks.Count);
    }

    [Fact]
    public async Task StartAsync_Configure_AppliesPerVendorTweaks()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Now = Clients.Now,
            ConfigureDocSpace = o => o.Plan = DocSpacePlan.Unpaid,
            ConfigureExaVault = o => o.DailyAllowance = 10,
        });
        using var docSpace = Clients.DocSpace(world.DocSpace);
        using var exaVault = Clients.ExaVault(world.ExaVault);
        using var unpaid = await docSpace.GetAsync(DocSpaceSimulator.LastPath);
        using var ok = await exaVault.GetAsync("activity/session?limit=1");
        Assert.Equal(402, (int)unpaid.StatusCode);
        Assert.Equal("9", ok.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task StartAsync_NoNow_UsesTheTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 30, 15, 600, TimeSpan.Zero));
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { TimeProvider = clock, TotalEventCount = 100 });
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 30, 15, TimeSpan.Zero), world.DocSpace.Data.Now);
        Assert.True(world.ExaVault.Data.Session[world.ExaVault.Data.Session.Count - 1].Time <= world.Now);
    }

    [Fact]
    public async Task StartAsync_IsFast_AndStopsCleanly()
    {
        // Warm up the JIT once so the figure measures start-up, not first-time compilation of ASP.NET Core.
        var watch = Stopwatch.StartNew();
        await (await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now })).DisposeAsync();
        output.WriteLine($"first start and stop in this process: {watch.Elapsed.TotalMilliseconds:0} ms");
        watch.Restart();
        var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now });
        var started = watch.Elapsed;
        var uri = world.DocSpace.BaseUri;
        await world.DisposeAsync();
        output.WriteLine($"start of both simulators: {started.TotalMilliseconds:0} ms");
        Assert.True(started < TimeSpan.FromSeconds(1), $"start took {started.TotalMilliseconds:0} ms");
        using var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(DocSpaceSimulator.LastPath));
    }

    [Fact]
    public async Task Options_Invalid_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { EventCount = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { PortalOffset = TimeSpan.FromSeconds(30) }));
        await Assert.ThrowsAsync<ArgumentException>(() => ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { BasePath = "api/v2/" }));
    }
}
