using Microsoft.Extensions.Logging;

namespace AuditAggregator.Resilience.Internal;

internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "{Source}: attempt {Attempt} in {Delay} after: {Cause}")]
    public static partial void LogRetry(this ILogger logger, string source, int attempt, TimeSpan delay, string cause);
}
