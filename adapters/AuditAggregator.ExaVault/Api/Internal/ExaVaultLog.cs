using Microsoft.Extensions.Logging;

namespace AuditAggregator.ExaVault.Internal;

internal static partial class ExaVaultLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{Source}: GET {Route} at offset {Offset}")]
    public static partial void LogRequest(this ILogger logger, string source, string route, long offset);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "{Source}: {Remaining} requests of the allowance left; waiting {Delay} before the next")]
    public static partial void LogSlowDown(this ILogger logger, string source, long remaining, TimeSpan delay);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Source}: {Remaining} requests of the allowance left, below {StopBelow}; no more requests are sent")]
    public static partial void LogStop(this ILogger logger, string source, long remaining, long stopBelow);
}
