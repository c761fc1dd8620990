using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using AuditAggregator.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.ContractTests.Adapters;

/// <summary>
/// Builds the real adapters through their public registration API, pointed at the WireMock server, with retry
/// delays kept short so the tests stay fast (a Retry-After is still honoured in full).
/// </summary>
internal static class AdapterHost
{
    /// <summary>The ExaVault access token every stub expects.</summary>
    public const string ExaVaultAccessToken = "contract-access-token";

    /// <summary>Gets resilience options with short delays and <paramref name="retries"/> retries.</summary>
    public static SourceResilienceOptions FastResilience(int retries = 0) => new()
    {
        MaxRetryAttempts = retries,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(20),
        MaxRequestsPerSecond = null,
    };

    /// <summary>Builds a service provider holding the DocSpace source and client.</summary>
    public static ServiceProvider DocSpace(Uri baseAddress, Action<DocSpaceOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddDocSpaceAuditSource(o =>
        {
            o.BaseUrl = baseAddress;
            o.Resilience = FastResilience();
            o.ReportPollInterval = TimeSpan.FromMilliseconds(20);
            configure(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Builds a service provider holding the ExaVault source and client.</summary>
    public static ServiceProvider ExaVault(Uri baseAddress, string apiKey, Action<ExaVaultOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddExaVaultAuditSource(o =>
        {
            o.AccountUrl = baseAddress;
            o.ApiKey = apiKey;
            o.AccessToken = ExaVaultAccessToken;
            o.PageSize = 25;
            o.Resilience = FastResilience();
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>
    /// Reads every event of the only registered source, catching a failure instead of throwing it, so a test can
    /// check the request journal first: a wrong parameter name or format is then reported as such, not as the 404
    /// of a stub that did not match.
    /// </summary>
    public static async Task<(List<AuditEvent> Events, Exception? Error)> TryReadAllAsync(ServiceProvider services, AuditQuery query)
    {
        try
        {
            return (await ReadAllAsync(services, query), null);
        }
        catch (AuditSourceException e)
        {
            return ([], e);
        }
    }

    /// <summary>Reads every event of the only registered source.</summary>
    public static async Task<List<AuditEvent>> ReadAllAsync(ServiceProvider services, AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(services);
        var source = Assert.Single(services.GetServices<IAuditSource>());
        var events = new List<AuditEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var e in source.ReadAsync(query, timeout.Token))
        {
            events.Add(e);
        }

        return events;
    }
}
