using AuditAggregator;
using AuditAggregator.DocSpace;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the DocSpace login-history source and client in a service collection.
/// </summary>
public static class DocSpaceServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the DocSpace client uses.
    /// </summary>
    public const string HttpClientName = "AuditAggregator.DocSpace";

    /// <summary>
    /// Adds <see cref="DocSpaceAuditSource"/> as an <see cref="IAuditSource"/>, the typed
    /// <see cref="IDocSpaceLoginHistoryClient"/>, validated <see cref="DocSpaceOptions"/> (checked at start-up) and
    /// the system <see cref="TimeProvider"/> unless one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options: at least the base URL and one credential.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or configure it further.</returns>
    /// <remarks>
    /// The primary handler does not manage cookies (<c>UseCookies = false</c>): the session credential sets the
    /// <c>asc_auth_key</c> cookie itself, and cookies the portal sets must not leak into later requests. The
    /// source asks for a new client for every read, so handler rotation by the factory is honoured. Requests are
    /// counted and logged (method, path and status only) by the core's <see cref="AuditHttpTelemetryHandler"/>.
    /// </remarks>
    public static IHttpClientBuilder AddDocSpaceAuditSource(this IServiceCollection services, Action<DocSpaceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<DocSpaceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSpaceOptions>, DocSpaceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSource, DocSpaceAuditSource>(CreateSource));

        return services
            .AddHttpClient<IDocSpaceLoginHistoryClient, DocSpaceLoginHistoryClient>(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.All })
            .RedactLoggedHeaders(static _ => true)
            .AddHttpMessageHandler(static sp => new AuditHttpTelemetryHandler(DocSpaceSourceNames.Source, sp.GetService<ILogger<AuditHttpTelemetryHandler>>()));
    }

    private static DocSpaceAuditSource CreateSource(IServiceProvider services) => new(
        services.GetRequiredService<IDocSpaceLoginHistoryClient>,
        services.GetRequiredService<IOptions<DocSpaceOptions>>().Value,
        services.GetRequiredService<TimeProvider>(),
        services.GetService<ILogger<DocSpaceAuditSource>>());
}
