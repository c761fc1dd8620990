using Microsoft.Extensions.Hosting;

namespace AuditAggregator.Collector.Silo;

/// <summary>
/// Looks at the sources file every few seconds and reloads it when it changed.
/// </summary>
internal sealed class SourcesFileWatcher(SourcesFileCatalog catalog, TimeProvider timeProvider) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await catalog.ReloadIfChangedAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
