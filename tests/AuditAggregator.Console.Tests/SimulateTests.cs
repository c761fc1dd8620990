using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary><c>simulate</c> in this process: what it prints, where it listens, the faults and the latency it serves.</summary>
public sealed class SimulateTests
{
    [Fact]
    public async Task Simulate_FixedPorts_ServesThemAndPrintsTheVariablesThatPointAtThem()
    {
        var (docSpacePort, exaVaultPort) = (FreePort(), FreePort());

        await using var simulate = await Running.StartAsync(["--docspace-port", $"{docSpacePort}", "--exavault-port", $"{exaVaultPort}", "--simulator-events", "200"]);

        Assert.Equal($"http://127.0.0.1:{docSpacePort}/", simulate.Variables["DOCSPACE_URL"]);
        Assert.Equal($"http://127.0.0.1:{exaVaultPort}/", simulate.Variables["EXAVAULT_URL"]);
        Assert.Equal(DocSpaceCredential.DefaultApiKey, simulate.Variables["DOCSPACE_TOKEN"]);
        Assert.Equal(ExaVaultSimulatorOptions.DefaultApiKey, simulate.Variables["EXAVAULT_API_KEY"]);
        Assert.Equal(ExaVaultSimulatorOptions.DefaultAccessToken, simulate.Variables["EXAVAULT_ACCESS_TOKEN"]);
        Assert.Contains("Ctrl+C stops", simulate.Stderr.Text, StringComparison.Ordinal);

        // The simulators' data ends at the real now, not at the fixed now of in-process runs.
        string[] window = ["--from", Iso(DateTimeOffset.UtcNow.AddDays(-31)), "--to", Iso(DateTimeOffset.UtcNow.AddDays(1))];
        var export = await InProcess.RunAsync(["export", "--format", "jsonl", "--source", "docspace", .. window], simulate.Variables);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.NotEmpty(export.StdoutLines);

        Assert.Equal(0, await simulate.StopAsync());
        Assert.Contains("simulators stopped after", simulate.Stderr.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_PortInUse_ExitsTwoNamingTheOption()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await InProcess.RunAsync(["simulate", "--exavault-port", $"{port}"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--exavault-port: cannot listen on 127.0.0.1:{port}", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Simulate_SamePortTwice_ExitsTwo()
    {
        var run = await InProcess.RunAsync(["simulate", "--docspace-port", "45678", "--exavault-port", "45678"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--exavault-port: is the same as --docspace-port", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_EveryRequestFaulted_AnswersWithTheGivenFault()
    {
        await using var simulate = await Running.StartAsync(["--fault-rate", "1", "--faults", "502", "--append-every", "0"]);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", simulate.Variables["DOCSPACE_TOKEN"]);

        using var answer = await http.GetAsync(new Uri(new Uri(simulate.Variables["DOCSPACE_URL"]), DocSpaceSimulator.LastPath));

        Assert.Equal(502, (int)answer.StatusCode);
        Assert.Contains("a fault on 100% of requests, drawn from 502 (HTML)", simulate.Stderr.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Latency_DelaysEveryAnswer()
    {
        await using var simulate = await Running.StartAsync(["--simulator-latency", "400ms", "--simulator-events", "100"]);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("ev-api-key", simulate.Variables["EXAVAULT_API_KEY"]);
        http.DefaultRequestHeaders.Add("ev-access-token", simulate.Variables["EXAVAULT_ACCESS_TOKEN"]);
        var uri = new Uri(new Uri(simulate.Variables["EXAVAULT_URL"]), "api/v2/activity/session?limit=1");
        (await http.GetAsync(uri)).Dispose();

        var watch = Stopwatch.StartNew();
        using var answer = await http.GetAsync(uri);

        Assert.True(answer.IsSuccessStatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered in {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Theory]
    [InlineData(new[] { "--faults", "503" }, "--faults: names the faults to draw from, but no request gets one without --fault-rate")]
    [InlineData(new[] { "--fault-rate", "1.5" }, "--fault-rate: '1.5' is not a number from 0 to 1")]
    [InlineData(new[] { "--fault-rate", "0.5", "--faults", "drop:5s" }, "only 429 and slow take a duration")]
    [InlineData(new[] { "--append-every", "200ms" }, "--append-every: 200ms is below the minimum of 1s")]
    [InlineData(new[] { "--simulator-latency", "2m" }, "--simulator-latency: 2m is above the maximum of 1m")]
    public async Task Simulate_BadOption_ExitsTwoSayingWhatIsExpected(string[] args, string expected)
    {
        var run = await InProcess.RunAsync(["simulate", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_TwoAccounts_PrintsVariablesPerAccountThatASourcesFileNames()
    {
        await using var simulate = await Running.StartAsync(["--simulator-accounts", "2", "--simulator-events", "200", "--append-every", "0"]);
        var file = Path.Combine(Path.GetTempPath(), $"sources-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "sources": [
                { "name": "portal-one", "vendor": "docspace", "url": "${DOCSPACE_1_URL}", "token": "${DOCSPACE_1_TOKEN}" },
                { "name": "portal-two", "vendor": "docspace", "url": "${DOCSPACE_2_URL}", "token": "${DOCSPACE_2_TOKEN}" },
                { "name": "vault-one", "vendor": "exavault", "url": "${EXAVAULT_1_URL}", "apiKey": "${EXAVAULT_1_API_KEY}", "accessToken": "${EXAVAULT_1_ACCESS_TOKEN}" },
                { "name": "vault-two", "vendor": "exavault", "url": "${EXAVAULT_2_URL}", "apiKey": "${EXAVAULT_2_API_KEY}", "accessToken": "${EXAVAULT_2_ACCESS_TOKEN}" } ] }
            """);
        try
        {
            Assert.Equal(10, simulate.Variables.Count);
            Assert.NotEqual(simulate.Variables["DOCSPACE_1_TOKEN"], simulate.Variables["DOCSPACE_2_TOKEN"]);
            Assert.Contains("2 DocSpace portals and 2 ExaVault accounts", simulate.Stderr.Text, StringComparison.Ordinal);
            string[] window = ["--from", Iso(DateTimeOffset.UtcNow.AddDays(-31)), "--to", Iso(DateTimeOffset.UtcNow.AddDays(1))];

            var export = await InProcess.RunAsync(["export", "--format", "jsonl", "--sources-file", file, .. window], simulate.Variables);

            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Equal(["portal-one", "portal-two", "vault-one", "vault-two"], JsonLines.Parse(export.Stdout).Select(e => e.GetProperty("source").GetString()).Distinct().Order());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Simulate_FixedPortWithManyAccounts_ExitsTwo()
    {
        var run = await InProcess.RunAsync(["simulate", "--simulator-accounts", "3", "--docspace-port", "45679"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--docspace-port: fixes the port of one simulator", run.Stderr, StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A <c>simulate</c> run in this process, once it has printed its variables.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task<int> _run = Task.FromResult(0);

        public LockedWriter Stdout { get; } = new();

        public LockedWriter Stderr { get; } = new();

        public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

        public static async Task<Running> StartAsync(string[] args)
        {
            var running = new Running();
            running._run = ConsoleApp.RunAsync(["simulate", .. args], running.Stdout, running.Stderr, new ConsoleEnvironment(), running._stop.Token);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!running.Stderr.Text.Contains("Ctrl+C stops", StringComparison.Ordinal))
            {
                Assert.False(running._run.IsCompleted, $"simulate ended: {running.Stderr.Text}");
                Assert.True(DateTime.UtcNow < deadline, "simulate did not start");
                await Task.Delay(20);
            }

            foreach (var line in running.Stdout.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var (name, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                running.Variables[name] = value;
            }

            return running;
        }

        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }
    }
}
