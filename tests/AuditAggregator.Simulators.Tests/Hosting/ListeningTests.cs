using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AuditAggregator.Simulators.Tests.Hosting;

/// <summary>Where the simulators listen, and the delay they can add to every answer.</summary>
public class ListeningTests
{
    [Fact]
    public async Task StartAsync_FixedPorts_ListensOnThem()
    {
        var (docSpacePort, exaVaultPort) = (FreePort(), FreePort());

        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Now = Clients.Now,
            ConfigureDocSpace = o => o.Port = docSpacePort,
            ConfigureExaVault = o => o.Port = exaVaultPort,
        });

        Assert.Equal(new Uri($"http://127.0.0.1:{docSpacePort}/"), world.DocSpace.BaseUri);
        Assert.Equal(new Uri($"http://127.0.0.1:{exaVaultPort}/"), world.ExaVault.BaseUri);
        using var http = Clients.ExaVault(world.ExaVault);
        await Clients.GetJsonAsync(http, "activity/session?limit=1");
    }

    [Fact]
    public async Task StartAsync_PortInUse_FailsWithIOException()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Assert.ThrowsAnyAsync<IOException>(() => DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Port = port }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task StartAsync_PortOutOfRange_Throws(int port) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Port = port }));

    [Fact]
    public async Task Latency_DelaysEveryAnswer()
    {
        await using var docSpace = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, Latency = TimeSpan.FromMilliseconds(300) });
        using var http = Clients.DocSpace(docSpace);
        await Clients.GetJsonAsync(http, DocSpaceSimulator.LastPath);

        var watch = Stopwatch.StartNew();
        await Clients.GetJsonAsync(http, DocSpaceSimulator.LastPath);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered in {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Latency_Negative_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Latency = TimeSpan.FromMilliseconds(-1) }));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
