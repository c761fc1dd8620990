using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests.Support;

/// <summary>Two simulated accounts of each vendor, four independent servers with their own seeds, people and credentials.</summary>
public sealed class AccountsFixture : IAsyncLifetime
{
    public SimulatorEnvironment World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await Worlds.StartAsync(2000, o => o.Accounts = 2);

    public async Task DisposeAsync() => await World.DisposeAsync();

    internal Accounts Accounts() => new Accounts()
        .DocSpace("acme-docspace", World.DocSpaces[0])
        .DocSpace("globex-docspace", World.DocSpaces[1])
        .ExaVault("acme-exavault", World.ExaVaults[0])
        .ExaVault("globex-exavault", World.ExaVaults[1]);
}
