using Microsoft.Extensions.Logging;

namespace AuditAggregator.ExaVault.Internal;

internal static partial class ExaVaultLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "ExaVault: GET {Route}")]
    public static partial void LogRequest(this ILogger logger, string route);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "ExaVault: {Remaining} requests of the allowance left; waiting {Delay} before the next")]
    public static partial void LogSlowDown(this ILogger logger, long remaining, TimeSpan delay);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "ExaVault: {Remaining} requests of the allowance left, below {StopBelow}; no more requests are sent")]
    public static partial void LogStop(this ILogger logger, long remaining, long stopBelow);
}
