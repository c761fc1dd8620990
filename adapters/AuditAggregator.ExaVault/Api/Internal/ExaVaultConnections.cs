using System.Net;
using System.Net.Sockets;
using AuditAggregator.Resilience;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The primary handler of one ExaVault source: ExaVault limits new connections from one address to ten a second
/// (past that "your connection will not complete"), not requests on an open keep-alive connection, so the limit is
/// kept where connections are made, in <see cref="SocketsHttpHandler.ConnectCallback"/>.
/// </summary>
internal static class ExaVaultConnections
{
    /// <summary>Creates the handler; every new connection first waits for <paramref name="limiter"/>.</summary>
    public static SocketsHttpHandler CreateHandler(RequestRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = async (context, cancellationToken) =>
            {
                await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}
