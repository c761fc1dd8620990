using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AuditAggregator.ContractTests.WireMock;

/// <summary>
/// One WireMock standalone server (the npm package's jar) on a free loopback port, with the stub mappings of
/// <see cref="ContractTestPaths.WireMockRoot"/> loaded, and a small client for its admin API.
/// </summary>
internal sealed partial class WireMockServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly HttpClient _admin;

    private WireMockServer(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        _admin = new HttpClient { BaseAddress = new Uri(baseAddress, "/__admin/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Gets the server's base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the server and waits until it answers and has loaded its mappings.</summary>
    public static async Task<WireMockServer> StartAsync(string rootDirectory)
    {
        var jar = ContractTestPaths.WireMockJar();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar,
                     "--port", "0", "--bind-address", "127.0.0.1", "--root-dir", rootDirectory,
                     "--disable-banner", "--disable-gzip", "--max-request-journal-entries", "2000",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "The contract tests run WireMock on Java 17 or newer, and `java` could not be started. Install it, e.g. `sudo apt-get install openjdk-17-jre-headless`.", e);
        }

        var output = new StringBuilder();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            var match = PortLine().Match(line);
            if (match.Success)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(port.Task, exited, Task.Delay(StartTimeout)).ConfigureAwait(false);
        if (first != port.Task)
        {
            var server = new WireMockServer(process, output, new Uri("http://127.0.0.1:1/"));
            var log = server.Output;
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"WireMock did not report its port within {StartTimeout.TotalSeconds} s. Its output:\n{log}");
        }

        var started = new WireMockServer(process, output, new Uri($"http://127.0.0.1:{port.Task.Result}/"));
        try
        {
            await started.WaitUntilHealthyAsync().ConfigureAwait(false);
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return started;
    }

    /// <summary>Gets what the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Forgets every recorded request and puts every scenario back in its start state.</summary>
    public async Task ResetAsync()
    {
        using (var journal = await _admin.DeleteAsync(new Uri("requests", UriKind.Relative)).ConfigureAwait(false))
        {
            journal.EnsureSuccessStatusCode();
        }

        using var scenarios = await _admin.PostAsync(new Uri("scenarios/reset", UriKind.Relative), null).ConfigureAwait(false);
        scenarios.EnsureSuccessStatusCode();
    }

    /// <summary>Gets the request journal, oldest request first.</summary>
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync()
    {
        var root = await _admin.GetFromJsonAsync<JsonObject>(new Uri("requests", UriKind.Relative)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The request journal was empty.");
        var requests = root["requests"]!.AsArray();

        // The journal lists the newest request first; the position breaks ties between requests of the same millisecond.
        return [.. requests.Select((r, i) => JournalEntry.Parse(r!.AsObject(), requests.Count - i)).OrderBy(e => e.LoggedAt).ThenBy(e => e.Sequence)];
    }

    /// <summary>Gets the stub mappings the server has loaded.</summary>
    public async Task<JsonArray> GetMappingsAsync()
    {
        var root = await _admin.GetFromJsonAsync<JsonObject>(new Uri("mappings", UriKind.Relative)).ConfigureAwait(false);
        return root!["mappings"]!.AsArray();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The process tree was told to die; a slow exit must not hang the test run.
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await _admin.GetAsync(new Uri("health", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }

            if (DateTimeOffset.UtcNow >= deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"WireMock at {BaseAddress} did not become healthy. Its output:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"^\s*port:\s+(\d+)\s*$")]
    private static partial Regex PortLine();
}
