using AuditAggregator;
using AuditAggregator.ExaVault;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the ExaVault audit source in a service collection.
/// </summary>
public static class ExaVaultServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the ExaVault client uses.
    /// </summary>
    public const string HttpClientName = "AuditAggregator.ExaVault";

    /// <summary>
    /// Adds the ExaVault account as an <see cref="IAuditSource"/>, its <see cref="IExaVaultClient"/>, options validated
    /// at start-up, and the system <see cref="TimeProvider"/> unless one is registered already.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the account URL, the credentials, the logs to read and the page size.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>, to add handlers to.</returns>
    public static IHttpClientBuilder AddExaVaultAuditSource(this IServiceCollection services, Action<ExaVaultOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ExaVaultOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExaVaultOptions>, ExaVaultOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ExaVaultAccount(
            sp.GetRequiredService<IOptions<ExaVaultOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("AuditAggregator.ExaVault") ?? NullLogger.Instance));
        services.TryAddTransient<IExaVaultClient>(sp => new ExaVaultClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<ExaVaultAccount>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSource, ExaVaultAuditSource>(sp => new ExaVaultAuditSource(
            sp.GetRequiredService<IExaVaultClient>,
            sp.GetRequiredService<IOptions<ExaVaultOptions>>().Value)));
        // Every header value is redacted from the framework's HTTP logs (ev-api-key and ev-access-token among them);
        // the core's handler counts requests and logs only method, path and status.
        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
            .RedactLoggedHeaders(static _ => true)
            .AddHttpMessageHandler(static sp => new AuditHttpTelemetryHandler(ExaVaultSourceNames.Source, sp.GetService<ILogger<AuditHttpTelemetryHandler>>()));
    }
}
