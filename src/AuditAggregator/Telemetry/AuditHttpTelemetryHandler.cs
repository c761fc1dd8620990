using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuditAggregator.Telemetry;

/// <summary>
/// Counts every request of a source in <see cref="AuditTelemetry"/> and logs method, path and status at
/// <see cref="LogLevel.Debug"/>, never a header value or user info, so no credential reaches a log line.
/// </summary>
public sealed partial class AuditHttpTelemetryHandler : DelegatingHandler
{
    private readonly string _sourceName;
    private readonly ILogger _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditHttpTelemetryHandler"/> class.
    /// </summary>
    /// <param name="sourceName">The source whose requests pass through.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    public AuditHttpTelemetryHandler(string sourceName, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        _sourceName = sourceName;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var target = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : request.RequestUri?.OriginalString ?? string.Empty;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            AuditTelemetry.RecordRequest(_sourceName, (int)response.StatusCode);
            LogRequest(_logger, _sourceName, request.Method.Method, target, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            AuditTelemetry.RecordRequest(_sourceName, 0);
            LogFailure(_logger, _sourceName, request.Method.Method, target, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "{Source}: {Method} {Target} -> {Status} in {Milliseconds:0} ms")]
    private static partial void LogRequest(ILogger logger, string source, string method, string target, int status, double milliseconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "{Source}: {Method} {Target} failed: {Error}")]
    private static partial void LogFailure(ILogger logger, string source, string method, string target, string error);
}
