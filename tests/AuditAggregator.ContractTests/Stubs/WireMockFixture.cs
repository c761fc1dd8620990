using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;

namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// Starts one in-process WireMock.Net server for the whole test run on a free loopback port, with every stub
/// mapping of <c>Mappings/{vendor}</c> added through <see cref="StubMappingConverter"/>, and stops it at the end.
/// </summary>
public sealed class WireMockFixture : IDisposable
{
    private readonly WireMockServer _server;

    /// <summary>Initializes a new instance of the <see cref="WireMockFixture"/> class and starts the server.</summary>
    public WireMockFixture()
    {
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = 2000,

            // Like WireMock: a repeated name is a second value, a comma or semicolon is part of the value.
            QueryParameterMultipleValueSupport = QueryParameterMultipleValueSupport.Ampersand,
        });
        try
        {
            foreach (var stub in StubMapping.LoadAll())
            {
                StubMappingConverter.Add(_server, stub.Json, stub.ToString());
            }

            BaseAddress = new Uri(_server.Urls.Single() + "/");
        }
        catch
        {
            _server.Stop();
            _server.Dispose();
            throw;
        }
    }

    /// <summary>Gets the server's base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the titles of the mappings the server holds.</summary>
    internal IReadOnlyList<string> MappingTitles => [.. _server.Mappings.Select(m => m.Title ?? "")];

    /// <summary>Forgets every logged request and puts every scenario back in its start state.</summary>
    public void Reset()
    {
        _server.ResetLogEntries();
        _server.ResetScenarios();
    }

    /// <summary>Gets the requests logged since the last <see cref="Reset"/>, oldest first.</summary>
    internal IReadOnlyList<JournalEntry> Journal() =>
        [.. _server.LogEntries.Select(JournalEntry.FromLogEntry).OrderBy(e => e.LoggedAt).ThenBy(e => e.Sequence)];

    /// <inheritdoc/>
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
