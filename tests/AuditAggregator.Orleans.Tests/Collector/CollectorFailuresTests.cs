using System.Net.Sockets;
using AuditAggregator.Collector;
using Orleans.Reminders.Redis;
using StackExchange.Redis;

namespace AuditAggregator.Orleans.Tests.Collector;

/// <summary>A server that cannot be reached is told apart from a bug however deeply the silo's start wraps it.</summary>
public sealed class CollectorFailuresTests
{
    [Fact]
    public void Unreachable_RedisDownAtSiloStart_FindsTheRemindersException()
    {
        // What a silo's start threw with Redis down: the reminders table's exception, which is not a RedisException.
        var cause = new RedisRemindersException("StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s).");

        Assert.Same(cause, CollectorFailures.Unreachable(cause));
    }

    [Fact]
    public void Unreachable_CauseWrappedTwice_FindsIt()
    {
        var cause = new RedisConnectionException(ConnectionFailureType.UnableToConnect, "It was not possible to connect to the redis server(s).");
        var wrapped = new InvalidOperationException("Hosting failed to start", new AggregateException(new TimeoutException("first"), cause));

        Assert.Same(cause, CollectorFailures.Unreachable(wrapped));
    }

    [Fact]
    public void Unreachable_SocketRefused_FindsIt()
    {
        var cause = new SocketException((int)SocketError.ConnectionRefused);

        Assert.Same(cause, CollectorFailures.Unreachable(new IOException("connect failed", cause)));
    }

    [Fact]
    public void Unreachable_ABug_IsNull()
    {
        Assert.Null(CollectorFailures.Unreachable(new InvalidOperationException("a bug", new ArgumentException("no such key"))));
    }
}
