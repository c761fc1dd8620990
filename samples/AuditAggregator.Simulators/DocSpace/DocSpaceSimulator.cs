using AuditAggregator.Simulators.DocSpace.Internal;
using AuditAggregator.Simulators.Hosting.Internal;

namespace AuditAggregator.Simulators;

/// <summary>
/// A faithful fake ONLYOFFICE DocSpace portal serving the login-history and audit-trail routes on 127.0.0.1 (a free
/// port unless one is set), quirks included: the login history pages before filtering (the audit trail after), omitted
/// nulls, portal-local dates with seven fractional digits, the success envelope, plan and permission answers, both
/// report generations.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = now });
/// var http = new HttpClient { BaseAddress = sim.BaseUri };
/// http.DefaultRequestHeaders.Authorization = new("Bearer", DocSpaceCredential.DefaultApiKey);
/// var expected = sim.Data.EventsBetween(now.AddDays(-1), now);
/// </code>
/// </example>
public sealed class DocSpaceSimulator : IAsyncDisposable
{
    /// <summary>The path of the 20 newest login events.</summary>
    public const string LastPath = DocSpaceBehaviour.LastPath;

    /// <summary>The path of the filtered, paged login events.</summary>
    public const string FilterPath = DocSpaceBehaviour.FilterPath;

    /// <summary>The path of the login-history report.</summary>
    public const string ReportPath = DocSpaceBehaviour.ReportPath;

    /// <summary>The path of the 20 newest audit-trail events.</summary>
    public const string AuditLastPath = AuditRoutes.LastPath;

    /// <summary>The path of the filtered, paged audit trail.</summary>
    public const string AuditFilterPath = AuditRoutes.FilterPath;

    /// <summary>The path of the audit-trail report.</summary>
    public const string AuditReportPath = AuditRoutes.ReportPath;

    private readonly SimulatorHost _host;

    private DocSpaceSimulator(SimulatorHost host, DocSpaceData data, FaultPlan faults, RequestLog requests, DocSpaceSimulatorOptions options)
    {
        _host = host;
        Data = data;
        Faults = faults;
        Requests = requests;
        Options = options;
    }

    /// <summary>Gets the portal's base address, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUri => _host.BaseUri;

    /// <summary>Gets the data set the portal serves, and the expected events for any window.</summary>
    public DocSpaceData Data { get; }

    /// <summary>Gets the fault plan: queue faults here to have the next requests misbehave.</summary>
    public FaultPlan Faults { get; }

    /// <summary>Gets the log of received requests (credential values redacted).</summary>
    public RequestLog Requests { get; }

    /// <summary>Gets the total number of requests received.</summary>
    public int RequestCount => Requests.Count;

    /// <summary>Gets the options the simulator was started with (changing them afterwards has no effect).</summary>
    public DocSpaceSimulatorOptions Options { get; }

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static async Task<DocSpaceSimulator> StartAsync(DocSpaceSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DocSpaceSimulatorOptions();
        options.Validate();
        var data = new DocSpaceData(options.Seed, options.ResolveNow(), options);
        var faults = new FaultPlan();
        var requests = new RequestLog(options.RequestLogCapacity);
        var host = await SimulatorHost.StartAsync(new DocSpaceBehaviour(options, data), faults, requests, new SimulatorHostSettings(options.Port, options.Latency), cancellationToken).ConfigureAwait(false);
        return new DocSpaceSimulator(host, data, faults, requests, options);
    }

    /// <summary>Gets the absolute address of a path on this portal.</summary>
    /// <param name="pathAndQuery">A path such as <see cref="FilterPath"/>, optionally with a query.</param>
    /// <returns>The address.</returns>
    public Uri UriFor(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return new Uri(BaseUri, pathAndQuery);
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
