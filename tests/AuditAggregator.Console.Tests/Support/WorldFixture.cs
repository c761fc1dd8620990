using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>One simulated world of 5,000 events shared by the tests that only read it.</summary>
public sealed class WorldFixture : IAsyncLifetime
{
    public SimulatorEnvironment World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await Worlds.StartAsync();

    public async Task DisposeAsync() => await World.DisposeAsync();
}
