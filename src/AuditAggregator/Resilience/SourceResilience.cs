using System.Collections.Concurrent;
using AuditAggregator.Resilience.Internal;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AuditAggregator.Resilience;

/// <summary>
/// Builds the Polly pipeline that wraps every page fetch of a source (request, status check and body parse together,
/// so that a truncated body is retried like a dropped connection).
/// </summary>
/// <remarks>
/// Retries transient failures (<see cref="AuditSourceException.IsTransient"/>: 408/429/5xx, network faults,
/// truncated or malformed bodies, attempt timeouts) with jittered exponential backoff, honours
/// <see cref="AuditSourceException.RetryAfter"/> up to <see cref="SourceResilienceOptions.MaxRetryAfter"/>, and never
/// retries 400, 401, 402, 403 or 404.
/// </remarks>
public static class SourceResilience
{
    private static readonly ConcurrentDictionary<string, TimeProvider> Clocks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Creates the pipeline for one source.
    /// </summary>
    /// <param name="sourceName">The source's name, for errors and logs.</param>
    /// <param name="options">Retry and timeout settings.</param>
    /// <param name="timeProvider">The clock and timers (a fake one in tests).</param>
    /// <param name="logger">Logs each retry, or <see langword="null"/>.</param>
    /// <param name="onRetry">Told of each retry (for health and metrics), or <see langword="null"/>.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline Create(
        string sourceName,
        SourceResilienceOptions options,
        TimeProvider timeProvider,
        ILogger? logger = null,
        Action<SourceRetry>? onRetry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                DelayGenerator = args =>
                {
                    var retryAfter = args.Outcome.Exception is AuditSourceException { RetryAfter: { } after }
                        ? after < options.MaxRetryAfter ? after : options.MaxRetryAfter
                        : (TimeSpan?)null;
                    return ValueTask.FromResult(retryAfter);
                },
                OnRetry = args =>
                {
                    var retry = new SourceRetry(sourceName, args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception);
                    logger?.LogRetry(sourceName, retry.Attempt, retry.Delay, retry.Cause?.Message ?? "unknown");
                    AuditTelemetry.RecordRetry(sourceName, retry.IsThrottle);
                    AuditSourceHealth.Report(
                        sourceName,
                        retry.IsThrottle ? SourceHealthState.Throttled : SourceHealthState.Retrying,
                        $"attempt {retry.Attempt} in {retry.Delay.TotalSeconds:0.###} s after: {retry.Cause?.Message ?? "unknown"}",
                        timeProvider);
                    onRetry?.Invoke(retry);
                    return ValueTask.CompletedTask;
                },
            });
        }

        Clocks[sourceName] = timeProvider;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = options.AttemptTimeout,
        });
        return builder.Build();
    }

    /// <summary>
    /// Runs one attempt-wrapped operation and turns a final timeout into an <see cref="AuditSourceException"/>.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="pipeline">The pipeline from <see cref="Create"/>.</param>
    /// <param name="sourceName">The source's name, for errors.</param>
    /// <param name="operation">The operation; it receives the attempt's token.</param>
    /// <param name="cancellationToken">Stops the operation and the waits between attempts.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="AuditSourceException">Every attempt failed, or a failure was not transient.</exception>
    public static async ValueTask<T> ExecuteAsync<T>(
        this ResiliencePipeline pipeline,
        string sourceName,
        Func<CancellationToken, ValueTask<T>> operation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(operation);
        var clock = Clocks.TryGetValue(sourceName, out var known) ? known : TimeProvider.System;
        try
        {
            var result = await pipeline.ExecuteAsync(
                static (op, ct) => op(ct),
                operation,
                cancellationToken).ConfigureAwait(false);
            AuditSourceHealth.Report(sourceName, SourceHealthState.Healthy, null, clock);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || ex is TimeoutRejectedException)
        {
            var failure = ToSourceException(sourceName, ex);
            AuditSourceHealth.Report(sourceName, SourceHealthState.Failed, failure.Message, clock);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
    }

    private static Exception ToSourceException(string sourceName, Exception exception) => exception switch
    {
        TimeoutRejectedException ex => new AuditSourceException(sourceName, AuditErrorKind.Network, $"The request timed out after {ex.Timeout.TotalSeconds:0.#} s, on every attempt.", innerException: ex),
        HttpRequestException ex => new AuditSourceException(sourceName, AuditErrorKind.Network, $"The connection failed: {ex.Message}", innerException: ex),
        IOException ex => new AuditSourceException(sourceName, AuditErrorKind.Network, $"The connection failed while reading the response: {ex.Message}", innerException: ex),
        _ => exception,
    };

    private static bool IsTransient(Exception? exception) => exception switch
    {
        AuditSourceException source => source.IsTransient,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };
}
