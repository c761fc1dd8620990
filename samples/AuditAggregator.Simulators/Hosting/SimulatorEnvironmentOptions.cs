namespace AuditAggregator.Simulators;

/// <summary>
/// Options of <see cref="SimulatorEnvironment"/>: one seed, clock and size for both simulators, plus per-vendor tweaks.
/// </summary>
public sealed class SimulatorEnvironmentOptions
{
    /// <summary>Gets or sets the seed both data sets are generated from. Default 1.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>
    /// Gets or sets the total number of events across the three logs. Default 5,000: half DocSpace login history,
    /// 36% ExaVault session activity, 14% ExaVault webhook log.
    /// </summary>
    public int TotalEventCount { get; set; } = 5000;

    /// <summary>Gets or sets the instant both data sets end at; when <see langword="null"/> (default), <see cref="TimeProvider"/>'s now.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Gets or sets the clock shared by both simulators. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the span the data sets cover, ending at "now". Default 30 days.</summary>
    public TimeSpan Span { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets a callback that adjusts the DocSpace options after the shared ones are applied.</summary>
    public Action<DocSpaceSimulatorOptions>? ConfigureDocSpace { get; set; }

    /// <summary>Gets or sets a callback that adjusts the ExaVault options after the shared ones are applied.</summary>
    public Action<ExaVaultSimulatorOptions>? ConfigureExaVault { get; set; }
}
