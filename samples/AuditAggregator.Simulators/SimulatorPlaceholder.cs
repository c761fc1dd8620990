namespace AuditAggregator.Simulators;

/// <summary>
/// Placeholder until the simulators land (issue 5).
/// </summary>
internal static class SimulatorPlaceholder;
