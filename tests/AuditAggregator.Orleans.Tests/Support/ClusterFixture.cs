using System.Globalization;
using System.Text.Json;
using AuditAggregator.Collector.Demo;
using AuditAggregator.Hosting;
using AuditAggregator.PostgreSql;
using AuditAggregator.PrivateServers;
using AuditAggregator.Simulators;
using Npgsql;

namespace AuditAggregator.Orleans.Tests.Support;

/// <summary>
/// A collector cluster on real processes: private PostgreSQL and Redis servers, simulated DocSpace accounts, and
/// silo processes of the collector sample, which tests kill and replace. Each test uses accounts of its own.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The accounts, each read by one test: DocSpace, 400 login events and the audit trail, 20 a page, 100 ms a page.</summary>
    public static readonly string[] SharedAccounts = ["kill-1", "kill-2", "kill-3", "stall-1", "failover-1", "failover-2", "move-1"];

    /// <summary>The account read through the <see cref="Proxy"/>.</summary>
    public const string ProbedAccount = "single-1";

    private readonly List<SiloProcess> _silos = [];
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private string _work = null!;
    private PrivatePostgreSqlServer? _postgres;
    private PrivateRedisServer? _redis;
    private SimulatorEnvironment? _shared;
    private SimulatorEnvironment? _probed;
    private ConcurrencyProxy? _proxy;
    private ClusterClient? _client;
    private NpgsqlDataSource? _dataSource;
    private IReadOnlyList<AuditSourceDefinition> _definitions = [];

    internal ClusterClient Client => _client!;

    internal ConcurrencyProxy Proxy => _proxy!;

    internal NpgsqlDataSource DataSource => _dataSource!;

    internal string ConnectionString => _postgres!.ConnectionString;

    internal IReadOnlyList<SiloProcess> Silos => _silos;

    internal BackfillWindow Window { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _work = Directory.CreateTempSubdirectory("audit-orleans-tests-").FullName;
        _postgres = await PrivatePostgreSqlServer.StartAsync(maxConnections: 200);
        _redis = await PrivateRedisServer.StartAsync();
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        _shared = await StartWorldAsync(now, seed: 7, latency: TimeSpan.FromMilliseconds(100));
        _probed = await StartWorldAsync(now, seed: 8, latency: TimeSpan.FromMilliseconds(100));
        _proxy = await ConcurrencyProxy.StartAsync(_probed.DocSpace.BaseUri);
        Window = new BackfillWindow(now.AddDays(-31), now.AddMinutes(1));
        var sourcesFile = Path.Combine(_work, "sources.json");
        await WriteSourcesFileAsync(sourcesFile);
        _definitions = (await AuditSourcesFile.LoadAsync(sourcesFile, _ => DocSpaceCredential.DefaultApiKey)).Sources;
        _dataSource = NpgsqlDataSource.Create(_postgres.ConnectionString);
        await using (var database = new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions { ConnectionString = _postgres.ConnectionString }))
        {
            await database.MigrateAsync();
        }

        StartSilo();
        StartSilo();
        _client = await ClusterClient.ConnectAsync(_redis.Endpoint, _clusterId, 2, CancellationToken.None);
    }

    /// <summary>
    /// Starts silos until <paramref name="count"/> live ones form the cluster.
    /// </summary>
    public async Task EnsureSilosAsync(int count)
    {
        while (_silos.Count(s => !s.HasExited) < count)
        {
            StartSilo();
        }

        await Client.WaitForSilosAsync(count, DateTimeOffset.UtcNow.AddSeconds(90), CancellationToken.None);
    }

    public async Task<HashSet<string>> ExpectedIdsAsync(params string[] sources) =>
        await ReferenceRead.ReadAsync([.. _definitions.Where(d => sources.Contains(d.Name))], Window.From, Window.To, CancellationToken.None);

    public async Task<HashSet<string>> StoredIdsAsync(params string[] sources)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = DataSource.CreateCommand("SELECT id FROM audit_events WHERE source = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = sources });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<long> StoredCountAsync(string source)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM audit_events WHERE source = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal async Task<Dictionary<string, BackfillProgress>> ProgressAsync(params string[] sources) =>
        await new StoreProbe(DataSource, "public").ReadBackfillsAsync(sources, Window, CancellationToken.None);

    internal async Task<SourceStatus[]> StatusesAsync(params string[] sources) =>
        await Client.ReadStatusesAsync(sources, CancellationToken.None);

    /// <summary>Gets the live silo that hosts <paramref name="source"/>'s collector, by its last status.</summary>
    internal async Task<SiloProcess> HostOfAsync(string source)
    {
        var status = (await StatusesAsync(source))[0];
        return _silos.Single(s => !s.HasExited && s.Owns(status.Silo));
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out after {timeout.TotalSeconds:F0} s waiting until {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the store holds every source's window complete and then until each collector has reported it:
    /// the job commits its last batch before it returns, and the grain reports the job's counts only after that, so
    /// a status read as soon as the store is complete can still be the one sent when the job started.
    /// </summary>
    public async Task WaitCompleteAsync(params string[] sources)
    {
        var what = $"the backfills of {string.Join(", ", sources)} are complete";
        await WaitUntilAsync(async () => (await ProgressAsync(sources)).Values.Count(p => p.Complete) == sources.Length, TimeSpan.FromSeconds(90), what);
        await WaitUntilAsync(
            async () => (await StatusesAsync(sources)).All(s => s is { State: SourceState.Idle, PendingBackfills: 0, LastSuccess: not null }),
            TimeSpan.FromSeconds(30),
            what + " and reported by their collectors");
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        foreach (var disposable in new IAsyncDisposable?[] { _proxy, _shared, _probed, _redis, _postgres })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }

        Directory.Delete(_work, recursive: true);
    }

    private static Task<SimulatorEnvironment> StartWorldAsync(DateTimeOffset now, long seed, TimeSpan latency) =>
        SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Seed = seed,
            Now = now,
            TotalEventCount = 800,
            ConfigureDocSpace = o =>
            {
                o.EventCount = 400;
                o.Latency = latency;
            },
        });

    private void StartSilo()
    {
        var index = _silos.Count + 1;
        var siloPort = FreePort();
        string[] arguments =
        [
            "silo", "--sources-file", Path.Combine(_work, "sources.json"), "--postgres", _postgres!.ConnectionString, "--redis", _redis!.Endpoint,
            "--cluster-id", _clusterId, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture), "--no-follow", "--backfill-retry", "2s",
            "--max-jobs", "8", "--commit-every", "20",
        ];
        var environment = new Dictionary<string, string> { ["DEMO_DOCSPACE_TOKEN"] = DocSpaceCredential.DefaultApiKey };
        _silos.Add(SiloProcess.Start(index, siloPort, CollectorProgram.Command, arguments, environment, Path.Combine(_work, $"silo-{index}.log")));
    }

    private async Task WriteSourcesFileAsync(string path)
    {
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartArray("sources");
        foreach (var (name, url) in SharedAccounts.Select(a => (a, _shared!.DocSpace.BaseUri)).Append((ProbedAccount, _proxy!.BaseUri)))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("vendor", "docspace");
            writer.WriteString("url", url.ToString());
            writer.WriteString("token", "${DEMO_DOCSPACE_TOKEN}");
            writer.WriteNumber("pageSize", 20);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
