using AuditAggregator.Simulators.Hosting.Internal;

namespace AuditAggregator.Simulators;

/// <summary>
/// Both simulators over one simulated world: the same seed, clock and people (<see cref="SimulatedUsers"/>), so the
/// same person logs in to DocSpace and moves files in ExaVault; with <see cref="SimulatorEnvironmentOptions.Accounts"/>,
/// any number of portals and accounts of each vendor, each its own world.
/// </summary>
/// <example>
/// <code>
/// await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = now });
/// var docSpaceUri = world.DocSpace.BaseUri;
/// var exaVaultUri = world.ExaVault.ApiBaseUri;
/// </code>
/// </example>
public sealed class SimulatorEnvironment : IAsyncDisposable
{
    private SimulatorEnvironment(IReadOnlyList<DocSpaceSimulator> docSpaces, IReadOnlyList<ExaVaultSimulator> exaVaults, DateTimeOffset now)
    {
        DocSpaces = docSpaces;
        ExaVaults = exaVaults;
        Now = now;
    }

    /// <summary>Gets the DocSpace simulator of the first account.</summary>
    public DocSpaceSimulator DocSpace => DocSpaces[0];

    /// <summary>Gets the ExaVault simulator of the first account.</summary>
    public ExaVaultSimulator ExaVault => ExaVaults[0];

    /// <summary>Gets every DocSpace portal, account 1 first; each one's <see cref="DocSpaceSimulatorOptions.SourceName"/> names it.</summary>
    public IReadOnlyList<DocSpaceSimulator> DocSpaces { get; }

    /// <summary>Gets every ExaVault account, account 1 first; each one's <see cref="ExaVaultSimulatorOptions.SourceName"/> names it.</summary>
    public IReadOnlyList<ExaVaultSimulator> ExaVaults { get; }

    /// <summary>Gets the instant every data set ends at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Starts every simulator, in parallel.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the start.</param>
    /// <returns>The running environment; dispose it to stop every simulator.</returns>
    public static async Task<SimulatorEnvironment> StartAsync(SimulatorEnvironmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorEnvironmentOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.TotalEventCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Accounts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Accounts, SimulatedAccounts.MaxAccounts);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        var now = Data.Internal.SimulatedNow.Resolve(options.Now, options.TimeProvider);
        var docSpaceTasks = new List<Task<DocSpaceSimulator>>();
        var exaVaultTasks = new List<Task<ExaVaultSimulator>>();
        for (var account = 1; account <= options.Accounts; account++)
        {
            var docSpaceOptions = SimulatedAccounts.DocSpace(options, account, now);
            var exaVaultOptions = SimulatedAccounts.ExaVault(options, account, now);
            options.ConfigureDocSpace?.Invoke(docSpaceOptions);
            options.ConfigureExaVault?.Invoke(exaVaultOptions);
            docSpaceTasks.Add(DocSpaceSimulator.StartAsync(docSpaceOptions, cancellationToken));
            exaVaultTasks.Add(ExaVaultSimulator.StartAsync(exaVaultOptions, cancellationToken));
        }

        try
        {
            await Task.WhenAll(docSpaceTasks.Cast<Task>().Concat(exaVaultTasks)).ConfigureAwait(false);
        }
        catch
        {
            foreach (var start in docSpaceTasks)
            {
                await DisposeStartedAsync(start).ConfigureAwait(false);
            }

            foreach (var start in exaVaultTasks)
            {
                await DisposeStartedAsync(start).ConfigureAwait(false);
            }

            throw;
        }

        var docSpaces = new List<DocSpaceSimulator>();
        foreach (var start in docSpaceTasks)
        {
            docSpaces.Add(await start.ConfigureAwait(false));
        }

        var exaVaults = new List<ExaVaultSimulator>();
        foreach (var start in exaVaultTasks)
        {
            exaVaults.Add(await start.ConfigureAwait(false));
        }

        return new SimulatorEnvironment(docSpaces, exaVaults, now);
    }

    /// <summary>Stops every simulator.</summary>
    /// <returns>A task that completes when all have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var docSpace in DocSpaces)
        {
            await docSpace.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var exaVault in ExaVaults)
        {
            await exaVault.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task DisposeStartedAsync<T>(Task<T> start)
        where T : IAsyncDisposable
    {
        if (start.IsCompletedSuccessfully)
        {
            var started = await start.ConfigureAwait(false);
            await started.DisposeAsync().ConfigureAwait(false);
        }
    }
}
