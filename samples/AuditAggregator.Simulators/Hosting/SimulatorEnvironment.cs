namespace AuditAggregator.Simulators;

/// <summary>
/// Both simulators over one simulated world: the same seed, clock and people (<see cref="SimulatedUsers"/>), so the
/// same person logs in to DocSpace and moves files in ExaVault.
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
    private SimulatorEnvironment(DocSpaceSimulator docSpace, ExaVaultSimulator exaVault, DateTimeOffset now)
    {
        DocSpace = docSpace;
        ExaVault = exaVault;
        Now = now;
    }

    /// <summary>Gets the DocSpace simulator.</summary>
    public DocSpaceSimulator DocSpace { get; }

    /// <summary>Gets the ExaVault simulator.</summary>
    public ExaVaultSimulator ExaVault { get; }

    /// <summary>Gets the instant both data sets end at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Starts both simulators, in parallel.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the start.</param>
    /// <returns>The running environment; dispose it to stop both.</returns>
    public static async Task<SimulatorEnvironment> StartAsync(SimulatorEnvironmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorEnvironmentOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.TotalEventCount);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        var now = Data.Internal.SimulatedNow.Resolve(options.Now, options.TimeProvider);
        var total = options.TotalEventCount;
        var docSpaceOptions = new DocSpaceSimulatorOptions
        {
            Seed = options.Seed,
            EventCount = total / 2,
            Now = now,
            TimeProvider = options.TimeProvider,
            Span = options.Span,
        };
        var sessions = (int)(total * 36L / 100);
        var exaVaultOptions = new ExaVaultSimulatorOptions
        {
            Seed = options.Seed,
            SessionEventCount = sessions,
            WebhookEventCount = total - (total / 2) - sessions,
            Now = now,
            TimeProvider = options.TimeProvider,
            Span = options.Span,
        };
        options.ConfigureDocSpace?.Invoke(docSpaceOptions);
        options.ConfigureExaVault?.Invoke(exaVaultOptions);

        var docSpaceTask = DocSpaceSimulator.StartAsync(docSpaceOptions, cancellationToken);
        var exaVaultTask = ExaVaultSimulator.StartAsync(exaVaultOptions, cancellationToken);
        try
        {
            await Task.WhenAll(docSpaceTask, exaVaultTask).ConfigureAwait(false);
        }
        catch
        {
            await DisposeStartedAsync(docSpaceTask).ConfigureAwait(false);
            await DisposeStartedAsync(exaVaultTask).ConfigureAwait(false);
            throw;
        }

        return new SimulatorEnvironment(await docSpaceTask.ConfigureAwait(false), await exaVaultTask.ConfigureAwait(false), now);
    }

    /// <summary>Stops both simulators.</summary>
    /// <returns>A task that completes when both have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await DocSpace.DisposeAsync().ConfigureAwait(false);
        await ExaVault.DisposeAsync().ConfigureAwait(false);
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
