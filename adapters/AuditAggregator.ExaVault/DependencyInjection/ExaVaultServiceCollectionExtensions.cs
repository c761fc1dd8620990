using AuditAggregator;
using AuditAggregator.ExaVault;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Resilience;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers ExaVault accounts as audit sources in a service collection, one source per name.
/// </summary>
public static class ExaVaultServiceCollectionExtensions
{
    /// <summary>
    /// The prefix of the name of each source's <see cref="HttpClient"/>: the client of source <c>acme-exavault</c> is
    /// named <c>AuditAggregator.ExaVault.acme-exavault</c>.
    /// </summary>
    public const string HttpClientName = "AuditAggregator.ExaVault";

    /// <summary>
    /// Adds one ExaVault account as the <see cref="IAuditSource"/> named <c>exavault</c>
    /// (<see cref="ExaVaultSourceNames.Source"/>); see <see cref="AddExaVaultAuditSource(IServiceCollection, string, Action{ExaVaultOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the account URL, the credentials, the logs to read and the page size.</param>
    /// <returns>The builder of the source's <see cref="HttpClient"/>, to add handlers to.</returns>
    /// <exception cref="InvalidOperationException">A source named <c>exavault</c> is registered already.</exception>
    public static IHttpClientBuilder AddExaVaultAuditSource(this IServiceCollection services, Action<ExaVaultOptions> configure) =>
        services.AddExaVaultAuditSource(ExaVaultSourceNames.Source, configure);

    /// <summary>
    /// Adds one ExaVault account as the <see cref="IAuditSource"/> named <paramref name="name"/>, with options of that
    /// name validated at start-up, its own <see cref="HttpClient"/> and credentials, its own retries, rate budget,
    /// health and allowance guard, and the system <see cref="TimeProvider"/> unless one is registered already.
    /// </summary>
    /// <remarks>
    /// The account's <see cref="IExaVaultActivityApi"/> is registered as a keyed service under <paramref name="name"/>.
    /// Its events carry <paramref name="name"/> as <see cref="AuditEvent.Source"/> and <c>exavault</c> as
    /// <see cref="AuditEvent.Vendor"/>. Requests are counted and logged (method, path and status only) under the name.
    /// New connections are held to <see cref="ExaVaultOptions.MaxConnectionsPerSecond"/>, ExaVault's limit per address;
    /// requests on open keep-alive connections are not limited unless a request rate is set.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The source's name: lowercase letters, digits and <c>-</c>, unique across every vendor's sources.</param>
    /// <param name="configure">Sets the account URL, the credentials, the logs to read and the page size.</param>
    /// <returns>The builder of the source's <see cref="HttpClient"/>, to add handlers to.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name.</exception>
    /// <exception cref="InvalidOperationException">A source named <paramref name="name"/> is registered already.</exception>
    public static IHttpClientBuilder AddExaVaultAuditSource(this IServiceCollection services, string name, Action<ExaVaultOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        AuditSourceRegistration.Reserve(services, name);

        services.AddOptions<ExaVaultOptions>(name).Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExaVaultOptions>>(new ExaVaultOptionsValidator(name));
        services.TryAddSingleton(TimeProvider.System);
        // One connection budget per source, kept across the factory's handler rotations.
        services.AddKeyedSingleton(ConnectionLimiterKey(name), (sp, _) => new RequestRateLimiter(Options(sp, name).MaxConnectionsPerSecond, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAuditSource>(sp => new ExaVaultAuditSource(
            name,
            () => sp.GetRequiredKeyedService<IExaVaultActivityApi>(name),
            Options(sp, name),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("AuditAggregator.ExaVault")));

        // The generated client alone: the interface never falls back to Refit's reflection request builder.
        // Every header value is redacted from the framework's HTTP logs (ev-api-key and ev-access-token among them);
        // the core's handler counts requests and logs only method, path and status.
        return services.AddKeyedRefitGeneratedClient<IExaVaultActivityApi>(name, static _ => new RefitSettings(), $"{HttpClientName}.{name}")
            .ConfigureHttpClient((sp, client) => client.BaseAddress = ExaVaultAccount.ApiBase(Options(sp, name).AccountUrl!))
            .ConfigurePrimaryHttpMessageHandler(sp => ExaVaultConnections.CreateHandler(sp.GetRequiredKeyedService<RequestRateLimiter>(ConnectionLimiterKey(name))))
            .RedactLoggedHeaders(static _ => true)
            .AddHttpMessageHandler(sp => new ExaVaultCredentialHandler(Options(sp, name)))
            .AddHttpMessageHandler(sp => new AuditHttpTelemetryHandler(name, sp.GetService<ILogger<AuditHttpTelemetryHandler>>()));
    }

    private static string ConnectionLimiterKey(string name) => $"{HttpClientName}.{name}.connections";

    private static ExaVaultOptions Options(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<ExaVaultOptions>>().Get(name);
}
