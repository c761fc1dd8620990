namespace AuditAggregator.ContractTests.WireMock;

/// <summary>
/// Starts one WireMock server for the whole test run, with the stub mappings of every vendor loaded, and stops it
/// (the whole process tree) at the end.
/// </summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    private WireMockServer? _server;

    /// <summary>Gets the server's base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    internal WireMockServer Server => _server ?? throw new InvalidOperationException("WireMock has not started.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => _server = await WireMockServer.StartAsync(ContractTestPaths.WireMockRoot);

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
