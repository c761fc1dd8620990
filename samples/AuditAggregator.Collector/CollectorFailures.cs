using System.Data.Common;
using System.Net.Sockets;

namespace AuditAggregator.Collector;

/// <summary>
/// Tells a failure to reach Redis, PostgreSQL, a source or the cluster (said in one line, exit 1) from a bug: the
/// silo's start wraps the cause in the hosting and Orleans exceptions, so the whole chain is searched.
/// </summary>
internal static class CollectorFailures
{
    /// <summary>Gets the exception in <paramref name="exception"/>'s chain that says what could not be reached, or <see langword="null"/>.</summary>
    public static Exception? Unreachable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AuditException or StackExchange.Redis.RedisException or global::Orleans.Reminders.Redis.RedisRemindersException
                or global::Orleans.Runtime.OrleansException or DbException or SocketException)
            {
                return current;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Unreachable).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
