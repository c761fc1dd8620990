using AuditAggregator.PrivateServers;

namespace AuditAggregator.Orleans.Tests.PrivateServers;

public class PrivateRedisServerTests
{
    [Fact]
    public async Task StartAsync_NoRedisServerOnPath_FailsWithInstallHint()
    {
        var empty = Directory.CreateTempSubdirectory("no-redis-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PrivateRedisServer.StartAsync(empty, CancellationToken.None));

            Assert.Contains(PrivateRedisServer.InstallHint, error.Message, StringComparison.Ordinal);
            Assert.Equal("apt-get install -y redis-server", PrivateRedisServer.InstallHint);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task StartAsync_Installed_AnswersOnItsPortAndStopsOnDispose()
    {
        var server = await PrivateRedisServer.StartAsync();
        var port = server.Port;
        await using (server)
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        }

        using var after = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => after.ConnectAsync(System.Net.IPAddress.Loopback, port));
    }
}
