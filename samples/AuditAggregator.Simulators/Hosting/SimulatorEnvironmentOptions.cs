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

    /// <summary>
    /// Gets or sets the number of accounts of each vendor, 1 to 100. Default 1: one portal and one account, named
    /// <c>docspace</c> and <c>exavault</c>, exactly as before. With more, account <c>k</c> is a DocSpace portal
    /// <c>docspace-k</c> and an ExaVault account <c>exavault-k</c>, each with its own server, seed, people
    /// (<see cref="SimulatedUsers.ForAccount"/>) and credentials; account 1 keeps <see cref="Seed"/>, the default
    /// people and the default credentials. <see cref="TotalEventCount"/> is per account.
    /// </summary>
    public int Accounts { get; set; } = 1;

    /// <summary>Gets or sets a callback that adjusts the DocSpace options after the shared ones are applied (to every account).</summary>
    public Action<DocSpaceSimulatorOptions>? ConfigureDocSpace { get; set; }

    /// <summary>Gets or sets a callback that adjusts the ExaVault options after the shared ones are applied (to every account).</summary>
    public Action<ExaVaultSimulatorOptions>? ConfigureExaVault { get; set; }
}
