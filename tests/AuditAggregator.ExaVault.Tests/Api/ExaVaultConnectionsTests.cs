using System.Net;
using System.Net.Sockets;
using System.Text;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace AuditAggregator.ExaVault.Tests.Api;

/// <summary>
/// ExaVault counts new connections a second from one address, not requests: the handler holds back the connection
/// past the limit, and requests on a kept-alive connection do not wait.
/// </summary>
public sealed class ExaVaultConnectionsTests
{
    [Fact]
    public async Task SendAsync_NewConnectionPastTheLimit_WaitsForTheNextSecond()
    {
        using var server = new OneAnswerPerConnectionServer();
        var time = new FakeTimeProvider();
        using var limiter = new RequestRateLimiter(2, time);
        using var client = new HttpClient(ExaVaultConnections.CreateHandler(limiter));

        // Each answer closes its connection, so every request needs a new one.
        await client.GetAsync(server.Uri);
        await client.GetAsync(server.Uri);
        var third = client.GetAsync(server.Uri);
        await Task.Delay(200);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, server.Connections);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task SendAsync_RequestsOnAKeptAliveConnection_AreNotLimited()
    {
        using var server = new OneAnswerPerConnectionServer(keepAlive: true);
        var time = new FakeTimeProvider();
        using var limiter = new RequestRateLimiter(1, time);
        using var client = new HttpClient(ExaVaultConnections.CreateHandler(limiter));

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(server.Uri).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, server.Connections);
    }

    /// <summary>A loopback HTTP/1.1 server answering 200 with an empty body, closing each connection unless kept alive.</summary>
    private sealed class OneAnswerPerConnectionServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public OneAnswerPerConnectionServer(bool keepAlive = false)
        {
            _listener.Start();
            Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v2/activity/session");
            _ = AcceptAsync(keepAlive);
        }

        public Uri Uri { get; }

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync(bool keepAlive)
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    _ = AnswerAsync(socket, keepAlive);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private static async Task AnswerAsync(Socket socket, bool keepAlive)
        {
            using (socket)
            {
                var buffer = new byte[4096];
                var request = new StringBuilder();
                var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: {(keepAlive ? "keep-alive" : "close")}\r\n\r\n");
                int read;
                while ((read = await socket.ReceiveAsync(buffer)) > 0)
                {
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    while (request.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
                    {
                        request.Remove(0, end + 4);
                        await socket.SendAsync(answer);
                        if (!keepAlive)
                        {
                            socket.Shutdown(SocketShutdown.Both);
                            return;
                        }
                    }
                }
            }
        }
    }
}
