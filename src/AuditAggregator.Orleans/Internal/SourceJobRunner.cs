using AuditAggregator.Checkpoints;
using AuditAggregator.PostgreSql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// Runs one job of one source off the grain's scheduler: takes a slot of the silo and the source's lease, then
/// reads one window into the source's <see cref="PostgreSqlAuditStore"/>, each batch committed with its checkpoint.
/// </summary>
internal sealed class SourceJobRunner : IAsyncDisposable
{
    private readonly PostgreSqlAuditDatabase _database;
    private readonly NpgsqlDataSource _leases;
    private readonly string _leasePrefix;
    private readonly AuditCollectorClusterOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AuditFollower> _followerLogger;
    private readonly CollectorTelemetry _telemetry;

    public SourceJobRunner(
        PostgreSqlAuditDatabase database,
        IOptions<PostgreSqlAuditOptions> databaseOptions,
        IOptions<AuditCollectorClusterOptions> options,
        TimeProvider timeProvider,
        ILogger<AuditFollower> followerLogger,
        CollectorTelemetry telemetry)
    {
        _database = database;
        _options = options.Value;
        _options.Validate();
        _timeProvider = timeProvider;
        _followerLogger = followerLogger;
        _telemetry = telemetry;
        _slots = new SemaphoreSlim(_options.MaxConcurrentJobs, _options.MaxConcurrentJobs);

        // A lease is a session lock, so its connection must end with the lease, never go back to a pool.
        var builder = new NpgsqlConnectionStringBuilder(databaseOptions.Value.ConnectionString) { Pooling = false };
        builder.ApplicationName ??= "AuditAggregator lease";
        _leases = NpgsqlDataSource.Create(builder);
        _leasePrefix = $"auditaggregator:{databaseOptions.Value.Schema}:";
    }

    public async Task<JobResult> RunAsync(IAuditSource source, BackfillWindow? window, CancellationToken cancellationToken)
    {
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new JobResult(JobOutcome.Stopped);
        }

        _telemetry.JobStarted();
        var result = new JobResult(JobOutcome.Failed);
        try
        {
            result = await RunLeasedAsync(source, window, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = new JobResult(JobOutcome.Stopped);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One account failing is that account's problem: it is reported and tried again at its next reminder.
            result = new JobResult(JobOutcome.Failed, Error: ex is AuditException ? ex.Message : $"Source '{source.Name}': {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            _telemetry.JobEnded(source.Name, window is null ? "follow" : "backfill", result);
            _slots.Release();
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _leases.DisposeAsync().ConfigureAwait(false);
        _slots.Dispose();
    }

    private async Task<JobResult> RunLeasedAsync(IAuditSource source, BackfillWindow? window, CancellationToken cancellationToken)
    {
        var lease = await SourceLease.TryAcquireAsync(_leases, _leasePrefix + source.Name, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return new JobResult(JobOutcome.Busy);
        }

        await using (lease.ConfigureAwait(false))
        {
            var store = _database.CreateStore(window?.CheckpointName(source.Name) ?? source.Name);
            if (window is not null && IsComplete(await store.LoadAsync(cancellationToken).ConfigureAwait(false), source.Name, window))
            {
                return new JobResult(JobOutcome.Completed);
            }

            var collector = new AuditCollector([source], store, _options.Follow, _timeProvider, _followerLogger);
            var query = window is null
                ? new AuditQuery()
                : AuditQuery.Between(Instant.FromDateTimeOffset(window.From), Instant.FromDateTimeOffset(window.To));
            try
            {
                await collector.RunOnceAsync(query, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new JobResult(JobOutcome.Stopped, store.StoredCount, store.RepeatedCount);
            }

            TimeSpan? lag = null;
            if (window is null
                && (await store.LoadAsync(cancellationToken).ConfigureAwait(false))?.Sources.GetValueOrDefault(source.Name)?.Watermark is { } watermark)
            {
                lag = _timeProvider.GetUtcNow() - watermark.ToDateTimeOffset();
            }

            return new JobResult(JobOutcome.Completed, store.StoredCount, store.RepeatedCount, lag);
        }
    }

    private static bool IsComplete(FollowCheckpoint? checkpoint, string source, BackfillWindow window) =>
        checkpoint?.Sources.GetValueOrDefault(source) is { HasPendingWindow: false, Watermark: { } watermark }
        && watermark >= Instant.FromDateTimeOffset(window.To);
}
