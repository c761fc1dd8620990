using AuditAggregator.Simulators.ExaVault.Internal;
using AuditAggregator.Simulators.Hosting.Internal;

namespace AuditAggregator.Simulators;

/// <summary>
/// A faithful fake ExaVault API v2 serving the activity routes on 127.0.0.1 (a free port unless one is set), quirks included:
/// case-sensitive camelCase query names (unknown ones ignored), <c>totalResults</c> always 0, both credential headers
/// required, a daily allowance that runs down per request, v1 and v2 webhook shapes.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Now = now });
/// var http = new HttpClient { BaseAddress = sim.ApiBaseUri };
/// http.DefaultRequestHeaders.Add("ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey);
/// http.DefaultRequestHeaders.Add("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken);
/// var page = await http.GetStringAsync("activity/session?offset=0&amp;limit=200&amp;sort=-date");
/// </code>
/// </example>
public sealed class ExaVaultSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;

    private ExaVaultSimulator(SimulatorHost host, ExaVaultData data, FaultPlan faults, RequestLog requests, ExaVaultSimulatorOptions options)
    {
        _host = host;
        Data = data;
        Faults = faults;
        Requests = requests;
        Options = options;
        ApiBaseUri = new Uri(host.BaseUri, options.BasePath.TrimStart('/') + "/");
    }

    /// <summary>Gets the server's base address, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUri => _host.BaseUri;

    /// <summary>Gets the API base address, with the base path and a trailing slash (<c>http://127.0.0.1:51234/api/v2/</c>).</summary>
    public Uri ApiBaseUri { get; }

    /// <summary>Gets the path of the session-activity route, for request-count assertions.</summary>
    public string SessionPath => Options.BasePath + "/activity/session";

    /// <summary>Gets the path of the webhook-log route, for request-count assertions.</summary>
    public string WebhooksPath => Options.BasePath + "/activity/webhooks";

    /// <summary>Gets the data set the account serves, and the expected entries for any window.</summary>
    public ExaVaultData Data { get; }

    /// <summary>Gets the fault plan: queue faults here to have the next requests misbehave.</summary>
    public FaultPlan Faults { get; }

    /// <summary>Gets the log of received requests (credential values redacted).</summary>
    public RequestLog Requests { get; }

    /// <summary>Gets the total number of requests received.</summary>
    public int RequestCount => Requests.Count;

    /// <summary>Gets the options the simulator was started with (changing them afterwards has no effect).</summary>
    public ExaVaultSimulatorOptions Options { get; }

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static async Task<ExaVaultSimulator> StartAsync(ExaVaultSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ExaVaultSimulatorOptions();
        options.Validate();
        var data = new ExaVaultData(options.Seed, options.ResolveNow(), options);
        var faults = new FaultPlan();
        var requests = new RequestLog(options.RequestLogCapacity);
        var host = await SimulatorHost.StartAsync(new ExaVaultBehaviour(options, data), faults, requests, new SimulatorHostSettings(options.Port, options.Latency), cancellationToken).ConfigureAwait(false);
        return new ExaVaultSimulator(host, data, faults, requests, options);
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
