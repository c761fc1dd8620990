using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>What <c>simulate</c> serves, read from its options and checked.</summary>
internal sealed record SimulateSettings
{
    /// <summary>Gets the DocSpace simulator's port; 0 picks a free one.</summary>
    public int DocSpacePort { get; init; }

    /// <summary>Gets the ExaVault simulator's port; 0 picks a free one.</summary>
    public int ExaVaultPort { get; init; }

    /// <summary>Gets the number of portals and accounts of each vendor.</summary>
    public int Accounts { get; init; } = 1;

    /// <summary>Gets the size of the data set, over the 30 days before now, per account.</summary>
    public int Events { get; init; } = 5000;

    /// <summary>Gets the delay before every answer.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Gets the share of requests answered with a fault, 0 to 1.</summary>
    public double FaultRate { get; init; }

    /// <summary>Gets the faults drawn from, uniformly.</summary>
    public IReadOnlyList<SimulatedFault> Faults { get; init; } = [];

    /// <summary>Gets how often new events are added to each log; zero adds none.</summary>
    public TimeSpan AppendEvery { get; init; } = TimeSpan.FromSeconds(5);
}
