using System.Net.Http.Headers;
using AuditAggregator.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.FaultTests.Support;

/// <summary>
/// Both simulators over one seed, and both adapters registered the way an application does
/// (<c>AddDocSpaceAuditSource</c>, <c>AddExaVaultAuditSource</c>) with tiny retry delays, a collecting logger and a
/// <see cref="RequestProbe"/> in each HTTP pipeline.
/// </summary>
public sealed class FaultHarness : IAsyncDisposable
{
    /// <summary>The instant the simulated data ends at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The DocSpace API key the client sends once it is revoked.</summary>
    public const string RevokedDocSpaceKey = "sk-revoked-55c0ffee91d2";

    /// <summary>The ExaVault access token the client sends once it is revoked.</summary>
    public const string RevokedExaVaultToken = "revoked-token-0a1b2c3d4e5f60718293";

    private readonly ServiceProvider _services;

    private FaultHarness(SimulatorEnvironment world, ServiceProvider services, CollectingLoggerProvider logs, RequestProbe docSpace, RequestProbe exaVault)
    {
        World = world;
        _services = services;
        Logs = logs;
        DocSpaceProbe = docSpace;
        ExaVaultProbe = exaVault;
        Sources = [.. services.GetServices<IAuditSource>()];
    }

    /// <summary>Gets every secret a message or log must never show.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        Simulators.DocSpaceCredential.DefaultApiKey,
        ExaVaultSimulatorOptions.DefaultApiKey,
        ExaVaultSimulatorOptions.DefaultAccessToken,
        RevokedDocSpaceKey,
        RevokedExaVaultToken,
    ];

    /// <summary>Gets the simulators.</summary>
    public SimulatorEnvironment World { get; }

    /// <summary>Gets every log line of the adapters and the core.</summary>
    public CollectingLoggerProvider Logs { get; }

    /// <summary>Gets the probe in the DocSpace client's pipeline.</summary>
    public RequestProbe DocSpaceProbe { get; }

    /// <summary>Gets the probe in the ExaVault client's pipeline.</summary>
    public RequestProbe ExaVaultProbe { get; }

    /// <summary>Gets both registered sources.</summary>
    public IReadOnlyList<IAuditSource> Sources { get; }

    /// <summary>Gets the window most tests read: the last 12 days of the data, several pages of each log.</summary>
    public static AuditQuery Window { get; } = AuditQuery.Between(
        Instant.FromDateTimeOffset(Now.AddDays(-12)),
        Instant.FromDateTimeOffset(Now.AddSeconds(1)));

    /// <summary>Starts both simulators and builds the service provider.</summary>
    /// <param name="configure">Adjusts the options, or <see langword="null"/>.</param>
    /// <returns>The harness; dispose it to stop the simulators.</returns>
    public static async Task<FaultHarness> StartAsync(Action<HarnessOptions>? configure = null)
    {
        var options = new HarnessOptions();
        configure?.Invoke(options);
        var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            Now = Now,
            Seed = 7,
            TotalEventCount = options.TotalEventCount,
            ConfigureDocSpace = d => d.AppendBeforeEachPage = options.AppendBeforeEachPage,
            ConfigureExaVault = e => e.AppendBeforeEachPage = options.AppendBeforeEachPage,
        });

        var logs = new CollectingLoggerProvider();
        var docSpaceProbe = new RequestProbe(world.DocSpace.Faults, static r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RevokedDocSpaceKey));
        var exaVaultProbe = new RequestProbe(world.ExaVault.Faults, static r =>
        {
            r.Headers.Remove("ev-access-token");
            r.Headers.TryAddWithoutValidation("ev-access-token", RevokedExaVaultToken);
        });

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(new SimulatedWorldClock(Now));
        services
            .AddDocSpaceAuditSource(o =>
            {
                o.BaseUrl = world.DocSpace.BaseUri;
                o.ApiKey = Simulators.DocSpaceCredential.DefaultApiKey;
                o.PageSize = options.DocSpacePageSize;
                o.Resilience = TinyResilience(options);
            })
            .AddHttpMessageHandler(() => new ProbeHandler(docSpaceProbe));
        services
            .AddExaVaultAuditSource(o =>
            {
                o.AccountUrl = world.ExaVault.BaseUri;
                o.ApiKey = ExaVaultSimulatorOptions.DefaultApiKey;
                o.AccessToken = ExaVaultSimulatorOptions.DefaultAccessToken;
                o.PageSize = options.ExaVaultPageSize;

                // The allowance slow-down counts against the attempt timeout, which some tests make short.
                o.MaxSlowDownDelay = TimeSpan.FromMilliseconds(50);
                o.Resilience = TinyResilience(options);
            })
            .AddHttpMessageHandler(() => new ProbeHandler(exaVaultProbe));

        return new FaultHarness(world, services.BuildServiceProvider(), logs, docSpaceProbe, exaVaultProbe);
    }

    /// <summary>Gets the source of <paramref name="vendor"/>.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <returns>The source.</returns>
    public IAuditSource Source(Vendor vendor) => Sources.Single(s => s.Name == SourceName(vendor));

    /// <summary>Gets the probe of <paramref name="vendor"/>.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <returns>The probe.</returns>
    public RequestProbe Probe(Vendor vendor) => vendor == Vendor.DocSpace ? DocSpaceProbe : ExaVaultProbe;

    /// <summary>Gets the source name of <paramref name="vendor"/>.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <returns><c>docspace</c> or <c>exavault</c>.</returns>
    public static string SourceName(Vendor vendor) => vendor == Vendor.DocSpace ? "docspace" : "exavault";

    /// <summary>Gets the simulator's logs of <paramref name="vendor"/>.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <returns>The logs.</returns>
    public IReadOnlyList<SimulatedLog> SimulatedLogs(Vendor vendor) => vendor == Vendor.DocSpace
        ? [World.DocSpace.Data.Login, World.DocSpace.Data.Audit]
        : [World.ExaVault.Data.Session, World.ExaVault.Data.Webhooks];

    /// <summary>
    /// Gets the ids a correct client delivers for <paramref name="query"/>'s window: the simulator's events in
    /// <c>[From, To)</c> (the simulator's own window is closed; the query's is half-open).
    /// </summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="query">The window.</param>
    /// <param name="include">Keeps only the records this returns true for, or <see langword="null"/> for all.</param>
    /// <returns>The expected ids.</returns>
    public HashSet<string> Expected(Vendor vendor, AuditQuery query, Func<SimulatedLog, SimulatedRecord, bool>? include = null)
    {
        var from = query.From!.Value.ToDateTimeOffset();
        var to = query.To!.Value.ToDateTimeOffset();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in SimulatedLogs(vendor))
        {
            foreach (var record in log.EventsBetween(from, to))
            {
                if (record.Time < to && (include is null || include(log, record)))
                {
                    ids.Add(record.AuditId);
                }
            }
        }

        return ids;
    }

    /// <summary>
    /// Reads an hour from both sources and forgets those requests: the first request of a process pays for JIT and
    /// connection set-up, which a short attempt timeout must not mistake for a slow server.
    /// </summary>
    /// <returns>A task that completes when both probes are reset.</returns>
    public async Task WarmUpAsync()
    {
        var hour = AuditQuery.Between(Instant.FromDateTimeOffset(Now.AddHours(-1)), Instant.FromDateTimeOffset(Now));
        foreach (var source in Sources)
        {
            await Delivery.ReadAllAsync(source.ReadAsync(hour));
        }

        DocSpaceProbe.Reset();
        ExaVaultProbe.Reset();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await World.DisposeAsync();
    }

    private static SourceResilienceOptions TinyResilience(HarnessOptions options)
    {
        var resilience = new SourceResilienceOptions
        {
            MaxRetryAttempts = 6,
            BaseDelay = TimeSpan.FromMilliseconds(2),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryAfter = TimeSpan.FromMilliseconds(300),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            MaxRequestsPerSecond = null,
        };
        options.Resilience?.Invoke(resilience);
        return resilience;
    }
}
