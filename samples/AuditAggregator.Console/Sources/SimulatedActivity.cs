using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Sources;

/// <summary>
/// Keeps the simulated world alive while <c>follow</c> runs against it: a few new events arrive in each log every
/// interval, so the tail has something to show.
/// </summary>
internal sealed class SimulatedActivity : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SimulatedActivity(SimulatorEnvironment world, TimeSpan interval)
    {
        _loop = RunAsync(world, interval, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static async Task RunAsync(SimulatorEnvironment world, TimeSpan interval, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        using var timer = new PeriodicTimer(interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var portal in world.DocSpaces)
            {
                portal.Data.Login.Append(random.Next(0, 4));
            }

            foreach (var account in world.ExaVaults)
            {
                account.Data.Session.Append(random.Next(0, 4));
                account.Data.Webhooks.Append(random.Next(0, 2));
            }
        }
    }
}
