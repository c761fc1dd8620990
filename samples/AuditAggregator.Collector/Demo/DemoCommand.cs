using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AuditAggregator.Hosting;
using AuditAggregator.Orleans;
using AuditAggregator.PostgreSql;
using AuditAggregator.PrivateServers;
using Npgsql;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// The scale-out demo: private PostgreSQL and Redis, N silo processes, many accounts; a backfill of every account,
/// one silo killed with SIGKILL halfway, and a check that every event was stored exactly once.
/// </summary>
internal static class DemoCommand
{
    private const string Schema = "public";

    public static async Task<int> RunAsync(DemoSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("audit-collector-demo-").FullName;
        output.WriteLine($"demo: silo logs and the generated sources file in {work}");

        // 1. Private servers on free loopback ports; a missing binary ends here with its install hint.
        await using var postgres = await StartServerAsync(() => PrivatePostgreSqlServer.StartAsync(maxConnections: (settings.MaxJobs * 3 * settings.Silos) + 50, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await using var redis = await StartServerAsync(() => PrivateRedisServer.StartAsync(cancellationToken)).ConfigureAwait(false);
        output.WriteLine($"demo: PostgreSQL on port {postgres.Port}, Redis on port {redis.Port}");

        // 2. The accounts: simulated ones served from this process, or the sources file given.
        await using var accounts = settings.SourcesFile is null ? await SimulatedAccounts.StartAsync(settings.Simulators, settings.EventsPerAccount, cancellationToken).ConfigureAwait(false) : null;
        var sourcesFile = settings.SourcesFile is { } given ? Path.GetFullPath(given) : Path.Combine(work, "sources.json");
        var variables = accounts is null ? new Dictionary<string, string>() : new Dictionary<string, string>(SimulatedAccounts.Variables);
        if (accounts is not null)
        {
            await accounts.WriteSourcesFileAsync(sourcesFile, settings.Accounts, cancellationToken).ConfigureAwait(false);
        }

        var definitions = await LoadSourcesAsync(sourcesFile, variables, cancellationToken).ConfigureAwait(false);
        var names = definitions.Select(d => d.Name).ToArray();
        var to = settings.To ?? (accounts is null ? DateTimeOffset.UtcNow : accounts.Now.AddMinutes(1));
        var window = new BackfillWindow(settings.From ?? to.AddDays(-31), to);
        window.Validate();

        // 3. What must be stored: each account's window read once, directly.
        var referenceClock = Stopwatch.StartNew();
        var expected = await ReferenceRead.ReadAsync(definitions, window.From, window.To, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"demo: {names.Length} accounts hold {expected.Count:N0} events in [{window.From:O}, {window.To:O}) (reference read {referenceClock.Elapsed.TotalSeconds:F1} s)");

        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using (var database = new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions { ConnectionString = postgres.ConnectionString, Schema = Schema }))
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var probe = new StoreProbe(dataSource, Schema);

        // 4. The silos, each a process of this program, and a client of their cluster.
        var clusterId = "demo-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 1; i <= settings.Silos; i++)
            {
                var siloPort = FreePort();
                string[] arguments =
                [
                    "silo", "--sources-file", sourcesFile, "--postgres", postgres.ConnectionString, "--redis", redis.Endpoint,
                    "--cluster-id", clusterId, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
                    "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture), "--no-follow", "--backfill-retry", "2s",
                    "--max-jobs", settings.MaxJobs.ToString(CultureInfo.InvariantCulture),
                    "--commit-every", settings.CommitEvery.ToString(CultureInfo.InvariantCulture),
                ];
                silos.Add(SiloProcess.Start(i, siloPort, SiloProcess.CurrentProgram, arguments, variables, Path.Combine(work, $"silo-{i}.log")));
            }

            await using var cluster = await ClusterClient.ConnectAsync(redis.Endpoint, clusterId, settings.Silos, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"demo: {settings.Silos} silos joined cluster {clusterId}");
            var run = new DemoRun(settings, output, cluster, probe, silos, names, window, expected.Count);
            var result = await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);

            // 5. Exactly once: the stored ids against the reference, and no delivery of an event stored already.
            var storedIds = await probe.ReadIdsAsync(cancellationToken).ConfigureAwait(false);
            var stored = await probe.CountEventsAsync(cancellationToken).ConfigureAwait(false);
            var missing = expected.Count(id => !storedIds.Contains(id));
            var unexpected = storedIds.Count(id => !expected.Contains(id));
            var duplicates = result.Repeated + (stored - storedIds.Count);
            if (settings.DumpFile is { } dump)
            {
                await DumpAsync(postgres.ConnectionString, dump, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"demo: {stored:N0} stored events written to {dump}");
            }

            foreach (var silo in silos)
            {
                await silo.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            result.WriteFigures(output, stored);
            if (unexpected > 0)
            {
                output.WriteLine($"demo: {unexpected} stored events are not in the reference read");
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"scale-out: accounts={names.Length} silos={settings.Silos} killed={result.Killed} expected={expected.Count} stored={stored} duplicates={duplicates} missing={missing} failover={result.Failover?.TotalSeconds ?? 0:F1}s"));
            return missing == 0 && duplicates == 0 && unexpected == 0 && stored == expected.Count ? 0 : 1;
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    private static async Task<T> StartServerAsync<T>(Func<Task<T>> start)
    {
        try
        {
            return await start().ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new CollectorException($"demo: {ex.Message}", ex);
        }
    }

    private static async Task<IReadOnlyList<AuditSourceDefinition>> LoadSourcesAsync(string path, Dictionary<string, string> variables, CancellationToken cancellationToken)
    {
        try
        {
            var file = await AuditSourcesFile.LoadAsync(path, n => variables.GetValueOrDefault(n) ?? Environment.GetEnvironmentVariable(n), cancellationToken).ConfigureAwait(false);
            return file.Sources;
        }
        catch (AuditSourcesFileException ex)
        {
            throw new CollectorException(ex.Message, ex);
        }
    }

    private static async Task DumpAsync(string connectionString, string path, CancellationToken cancellationToken)
    {
        await using var database = new PostgreSqlAuditDatabase(new PostgreSqlAuditOptions { ConnectionString = connectionString, Schema = Schema });
        await using var file = File.Create(path);
        await foreach (var item in database.ReadEventsAsync(AuditQuery.All, cancellationToken).ConfigureAwait(false))
        {
            AuditEventJson.WriteLine(file, item);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
