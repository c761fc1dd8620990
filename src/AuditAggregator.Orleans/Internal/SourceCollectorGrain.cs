using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// The collector of one source. Reminders wake it (the follow schedule, and one per pending backfill); a pump on the
/// grain's scheduler runs one job at a time on the thread pool and reports the status after each.
/// </summary>
/// <remarks>
/// <para>Placed at random, so that the accounts spread evenly over the silos; each silo limits its running jobs.</para>
/// <para>Awaits in this class resume on the grain's scheduler on purpose (<c>ConfigureAwait(true)</c>): grain state and
/// reminder calls belong to the activation. The jobs themselves run on the thread pool and touch no grain state.</para>
/// </remarks>
[RandomPlacement]
internal sealed class SourceCollectorGrain(
    IAuditSourceCatalog catalog,
    SourceJobRunner runner,
    IOptions<AuditCollectorClusterOptions> options,
    TimeProvider timeProvider,
    ILogger<SourceCollectorGrain> logger) : Grain, ISourceCollectorGrain, IRemindable, IDisposable
{
    private const string FollowReminder = "follow";

    private readonly AuditCollectorClusterOptions _options = options.Value;
    private readonly List<BackfillWindow> _backfills = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _followDue;
    private Task? _pump;
    private Task? _job;
    private SourceStatus _status = new();

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The requests that were pending when the last activation died are this grain's reminders.
        foreach (var reminder in await this.GetReminders(cancellationToken).ConfigureAwait(true))
        {
            if (BackfillReminders.TryParse(reminder.ReminderName, out var window) && !_backfills.Contains(window))
            {
                _backfills.Add(window);
            }
        }

        _status = new SourceStatus { Source = Name, State = SourceState.Idle, Silo = RuntimeIdentity, PendingBackfills = _backfills.Count };
        logger.LogInformation("Collector of source {Source} activated on {Silo} with {Backfills} pending backfills", Name, RuntimeIdentity, _backfills.Count);
        Pump();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await StopJobAsync().ConfigureAwait(true);
        logger.LogInformation("Collector of source {Source} deactivated on {Silo} ({Reason}); its progress is committed", Name, RuntimeIdentity, reason.Description);
        await ReportAsync(_status with { State = SourceState.Stopped }).ConfigureAwait(true);
    }

    public async Task StartAsync()
    {
        if (_options.FollowEnabled && await this.GetReminder(FollowReminder).ConfigureAwait(true) is null)
        {
            // Spread the first runs of many sources over one period.
            var due = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * _options.FollowInterval.TotalMilliseconds) + TimeSpan.FromSeconds(1);
            await this.RegisterOrUpdateReminder(FollowReminder, due, _options.FollowInterval).ConfigureAwait(true);
        }

        // The silo that starts first starts every source: leave, so that the first reminder places this grain at
        // random among the silos alive by then.
        if (_pump is not { IsCompleted: false } && _backfills.Count == 0)
        {
            DeactivateOnIdle();
        }
    }

    public async Task BackfillAsync(BackfillWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        window.Validate();
        if (_backfills.Contains(window))
        {
            Pump();
            return;
        }

        await this.RegisterOrUpdateReminder(BackfillReminders.Name(window), _options.BackfillRetryInterval, _options.BackfillRetryInterval).ConfigureAwait(true);
        _backfills.Add(window);
        logger.LogInformation("Backfill of source {Source} requested for [{From:O}, {To:O})", Name, window.From, window.To);
        Pump();
    }

    public async Task StopAsync()
    {
        await StopJobAsync().ConfigureAwait(true);
        foreach (var reminder in await this.GetReminders().ConfigureAwait(true))
        {
            await this.UnregisterReminder(reminder).ConfigureAwait(true);
        }

        _backfills.Clear();
        logger.LogInformation("Collector of source {Source} stopped and its reminders removed", Name);
        await ReportAsync(_status with { State = SourceState.Stopped, PendingBackfills = 0 }).ConfigureAwait(true);
        DeactivateOnIdle();
    }

    public void Dispose() => _stopping.Dispose();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (string.Equals(reminderName, FollowReminder, StringComparison.Ordinal))
        {
            _followDue = _options.FollowEnabled;
        }
        else if (BackfillReminders.TryParse(reminderName, out var window) && !_backfills.Contains(window))
        {
            _backfills.Add(window);
        }

        Pump();
        return Task.CompletedTask;
    }

    private void Pump()
    {
        if (_stopping.IsCancellationRequested || _pump is { IsCompleted: false } || (_backfills.Count == 0 && !_followDue))
        {
            return;
        }

        _pump = PumpAsync();
    }

    private async Task PumpAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested && (_backfills.Count > 0 || _followDue))
            {
                var source = catalog.Find(Name);
                if (source is null)
                {
                    var error = $"Source '{Name}' is not configured on silo {RuntimeIdentity}; it waits for its next reminder.";
                    logger.LogWarning("{Error}", error);
                    await ReportAsync(_status with { State = SourceState.Failed, LastError = error, LastErrorAt = timeProvider.GetUtcNow() }).ConfigureAwait(true);
                    return;
                }

                var window = _backfills.Count > 0 ? _backfills[0] : null;
                if (!await RunOneAsync(source, window).ConfigureAwait(true))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !_stopping.IsCancellationRequested)
        {
            logger.LogError("Collector of source {Source} failed outside a job: {Error}", Name, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The silo is stopping under the pump; the reminder runs it again elsewhere.
            logger.LogDebug("Collector of source {Source} stopped while reporting: {Error}", Name, ex.Message);
        }
    }

    private async Task<bool> RunOneAsync(IAuditSource source, BackfillWindow? window)
    {
        await ReportAsync(_status with { State = SourceState.Running, Silo = RuntimeIdentity, PendingBackfills = _backfills.Count }).ConfigureAwait(true);
        var token = _stopping.Token;
        _job = Task.Run(() => runner.RunAsync(source, window, token), CancellationToken.None);
        var result = await ((Task<JobResult>)_job).ConfigureAwait(true);
        var status = _status with
        {
            Silo = RuntimeIdentity,
            Stored = _status.Stored + result.Stored,
            Repeated = _status.Repeated + result.Repeated,
            ReportedAt = timeProvider.GetUtcNow(),
        };
        var goOn = false;
        switch (result.Outcome)
        {
            case JobOutcome.Completed when window is not null:
                _backfills.Remove(window);
                if (await this.GetReminder(BackfillReminders.Name(window)).ConfigureAwait(true) is { } reminder)
                {
                    await this.UnregisterReminder(reminder).ConfigureAwait(true);
                }

                logger.LogInformation("Backfill of source {Source} for [{From:O}, {To:O}) complete: {Stored} events stored here", Name, window.From, window.To, result.Stored);
                status = status with { State = SourceState.Idle, LastSuccess = status.ReportedAt };
                goOn = true;
                break;
            case JobOutcome.Completed:
                _followDue = false;
                logger.LogDebug("Follow run of source {Source}: {Stored} events stored, lag {Lag}", Name, result.Stored, result.Lag);
                status = status with { State = SourceState.Idle, LastSuccess = status.ReportedAt, Lag = result.Lag };
                goOn = true;
                break;
            case JobOutcome.Busy:
                logger.LogInformation("Source {Source} is read elsewhere (its lease is held); trying again at the next reminder", Name);
                status = status with { State = SourceState.Idle };
                break;
            case JobOutcome.Failed:
                logger.LogWarning("Collector of source {Source} failed; trying again at the next reminder: {Error}", Name, result.Error);
                status = status with { State = SourceState.Failed, LastError = result.Error, LastErrorAt = status.ReportedAt };
                break;
            default:
                status = status with { State = SourceState.Stopped };
                break;
        }

        await ReportAsync(status with { PendingBackfills = _backfills.Count }).ConfigureAwait(true);
        return goOn;
    }

    private async Task StopJobAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(true);
        if (_job is { } job)
        {
            try
            {
                await job.WaitAsync(_options.StopTimeout).ConfigureAwait(true);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Collector of source {Source} did not stop within {Timeout}; its last batch is read again elsewhere", Name, _options.StopTimeout);
            }
        }
    }

    private async Task ReportAsync(SourceStatus status)
    {
        _status = status with { ReportedAt = timeProvider.GetUtcNow() };
        try
        {
            await GrainFactory.GetGrain<ISourceStatusGrain>(Name).ReportAsync(_status).ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A status lost during a failover is filled again by the next report; collecting goes on.
            logger.LogDebug("Status of source {Source} not reported: {Error}", Name, ex.Message);
        }
    }
}
