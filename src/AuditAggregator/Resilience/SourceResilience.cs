using AuditAggregator.Paging;
using AuditAggregator.Resilience.Internal;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AuditAggregator.Resilience;

/// <summary>
/// The one retry layer of one source: every page fetch (request, status check and body parse together, so that a
/// truncated body is retried like a dropped connection) runs through <see cref="ExecuteAsync{T}"/>.
/// </summary>
/// <remarks>
/// <para>Retries transient failures (<see cref="AuditSourceException.IsTransient"/>: 408/429/5xx, network faults,
/// truncated or malformed bodies, attempt timeouts) with jittered exponential backoff, honours
/// <see cref="AuditSourceException.RetryAfter"/> up to <see cref="SourceResilienceOptions.MaxRetryAfter"/>, and never
/// retries 400, 401, 402, 403 or 404. Each attempt first waits for the source's client-side request rate
/// (<see cref="SourceResilienceOptions.MaxRequestsPerSecond"/>), when one is set.</para>
/// <para>Everything here belongs to this instance: the pipeline, the rate budget and the <see cref="Health"/>. Two
/// sources of the same vendor in one process each have their own, and never share them.</para>
/// </remarks>
public sealed class SourceResilience
{
    private readonly ResiliencePipeline _pipeline;
    private readonly RequestRateLimiter? _limiter;

    /// <summary>
    /// Initializes a new instance of the <see cref="SourceResilience"/> class for one source.
    /// </summary>
    /// <param name="sourceName">The source's name, for errors, logs, metrics and health.</param>
    /// <param name="options">Retry, timeout and rate settings (validated here).</param>
    /// <param name="timeProvider">The clock and timers (a fake one in tests).</param>
    /// <param name="logger">Logs each retry, or <see langword="null"/>.</param>
    /// <param name="onRetry">Told of each retry, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SourceResilience(
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
        SourceName = sourceName;
        TimeProvider = timeProvider;
        Health = new AuditSourceHealth(sourceName, timeProvider);
        Concurrency = new PageConcurrency(options.MaxConcurrentRequests);
        _limiter = options.MaxRequestsPerSecond is { } perSecond ? new RequestRateLimiter(perSecond, timeProvider) : null;
        _pipeline = Build(options, logger, onRetry);
    }

    /// <summary>
    /// Gets the name of the source this layer serves.
    /// </summary>
    public string SourceName { get; }

    /// <summary>
    /// Gets the clock and timers of this source.
    /// </summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Gets this source's health: healthy, retrying, throttled or failed, with the reason.
    /// </summary>
    public AuditSourceHealth Health { get; }

    /// <summary>
    /// Gets how many page requests this source may have in flight: a throttled retry (429) halves it at once, and
    /// successes raise it again. Give it to <see cref="PagingOptions.Concurrency"/>.
    /// </summary>
    public PageConcurrency Concurrency { get; }

    /// <summary>
    /// Runs one operation, each attempt with its own timeout, and turns a final failure into an
    /// <see cref="AuditSourceException"/> that names the source.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">The operation; it receives the attempt's token.</param>
    /// <param name="cancellationToken">Stops the operation and the waits between attempts.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="AuditSourceException">Every attempt failed, or a failure was not transient.</exception>
    public async ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            var result = await _pipeline.ExecuteAsync(
                static async (state, ct) =>
                {
                    if (state.Limiter is not null)
                    {
                        await state.Limiter.WaitAsync(ct).ConfigureAwait(false);
                    }

                    return await state.Operation(ct).ConfigureAwait(false);
                },
                (Operation: operation, Limiter: _limiter),
                cancellationToken).ConfigureAwait(false);
            Health.Report(SourceHealthState.Healthy, null);
            Concurrency.Succeeded();
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || ex is TimeoutRejectedException)
        {
            var failure = ToSourceException(SourceName, ex);
            Health.Report(SourceHealthState.Failed, failure.Message);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
    }

    private ResiliencePipeline Build(SourceResilienceOptions options, ILogger? logger, Action<SourceRetry>? onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = TimeProvider };
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
                    var retry = new SourceRetry(SourceName, args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception);
                    var cause = retry.Cause?.Message ?? "unknown";
                    logger?.LogRetry(SourceName, retry.Attempt, retry.Delay, cause);
                    AuditTelemetry.RecordRetry(SourceName, retry.IsThrottle);
                    if (retry.IsThrottle)
                    {
                        Concurrency.Throttled();
                    }

                    Health.Report(
                        retry.IsThrottle ? SourceHealthState.Throttled : SourceHealthState.Retrying,
                        $"attempt {retry.Attempt} in {retry.Delay.TotalSeconds:0.###} s after: {cause}");
                    onRetry?.Invoke(retry);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        return builder.Build();
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
