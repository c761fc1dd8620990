using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// Once the silo is active, starts the collector grain of every configured source (when following), and when the
/// catalog changes, starts the added ones and stops the removed ones. Every silo does it; both calls are idempotent.
/// </summary>
internal sealed class SourceReconciler(
    IAuditSourceCatalog catalog,
    IGrainFactory grainFactory,
    IOptions<AuditCollectorClusterOptions> options,
    ILogger<SourceReconciler> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private HashSet<string> _known = new(StringComparer.Ordinal);
    private Task _running = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SourceReconciler), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    public void Dispose()
    {
        _gate.Dispose();
        _stopping.Dispose();
    }

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        catalog.Changed += OnChanged;
        _running = ReconcileAsync();
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= OnChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
    }

    private void OnChanged(object? sender, EventArgs e) => _running = ReconcileAsync();

    private async Task ReconcileAsync()
    {
        var cancellationToken = _stopping.Token;
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            var current = new HashSet<string>(catalog.Names, StringComparer.Ordinal);
            var removed = _known.Where(n => !current.Contains(n)).ToArray();
            // Without following, a source has nothing to start: its grain is placed when a backfill is asked for.
            var added = options.Value.FollowEnabled ? current.Where(n => !_known.Contains(n)).ToArray() : [];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(removed, parallel, async (name, _) => await CallAsync(name, g => g.StopAsync(), "stop").ConfigureAwait(false)).ConfigureAwait(false);
            await Parallel.ForEachAsync(added, parallel, async (name, _) => await CallAsync(name, g => g.StartAsync(), "start").ConfigureAwait(false)).ConfigureAwait(false);
            _known = current;
            if (added.Length + removed.Length > 0)
            {
                logger.LogInformation("Sources reconciled: {Added} started, {Removed} stopped, {Count} configured", added.Length, removed.Length, current.Count);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CallAsync(string name, Func<ISourceCollectorGrain, Task> call, string what)
    {
        try
        {
            await call(grainFactory.GetGrain<ISourceCollectorGrain>(name)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another silo's reconciler, or the next change, tries again; one source never holds up the others.
            logger.LogWarning("Could not {What} the collector of source {Source}: {Error}", what, name, ex.Message);
        }
    }
}
