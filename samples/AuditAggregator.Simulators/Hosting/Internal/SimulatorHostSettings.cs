namespace AuditAggregator.Simulators.Hosting.Internal;

/// <summary>Where a simulator listens and the delay it adds to every answer.</summary>
/// <param name="Port">The port on 127.0.0.1; 0 for a free one.</param>
/// <param name="Latency">The delay before every answer.</param>
internal readonly record struct SimulatorHostSettings(int Port, TimeSpan Latency);
