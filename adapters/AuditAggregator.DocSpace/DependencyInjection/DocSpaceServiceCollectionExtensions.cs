using System.Net;
using AuditAggregator;
using AuditAggregator.DocSpace;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers DocSpace sources (login history and audit trail) and their API clients in a service collection, one per portal.
/// </summary>
public static class DocSpaceServiceCollectionExtensions
{
    /// <summary>
    /// The start of the names of the <see cref="HttpClient"/>s the DocSpace sources use; the source name follows
    /// (see <see cref="GetHttpClientName"/>).
    /// </summary>
    public const string HttpClientNamePrefix = "AuditAggregator.DocSpace.";

    /// <summary>
    /// Gets the name of the <see cref="HttpClient"/> of the source named <paramref name="sourceName"/>.
    /// </summary>
    /// <param name="sourceName">The source name.</param>
    /// <returns>For example <c>AuditAggregator.DocSpace.acme-docspace</c>.</returns>
    public static string GetHttpClientName(string sourceName) => HttpClientNamePrefix + sourceName;

    /// <summary>
    /// Adds one DocSpace source named <c>docspace</c>; see <see cref="AddDocSpaceAuditSource(IServiceCollection, string, Action{DocSpaceOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options: at least the base URL and one credential.</param>
    /// <returns>The builder of the source's <see cref="HttpClient"/>, to add handlers or configure it further.</returns>
    /// <exception cref="InvalidOperationException">A source named <c>docspace</c> is registered already.</exception>
    public static IHttpClientBuilder AddDocSpaceAuditSource(this IServiceCollection services, Action<DocSpaceOptions> configure) =>
        services.AddDocSpaceAuditSource(DocSpaceSourceNames.Source, configure);

    /// <summary>
    /// Adds one DocSpace portal as an <see cref="IAuditSource"/> named <paramref name="name"/>, with named and
    /// validated <see cref="DocSpaceOptions"/> (checked at start-up), its own <see cref="HttpClient"/> and
    /// credential, its own retries, rate budget and health, and the system <see cref="TimeProvider"/> unless one is
    /// registered. It reads both streams, <c>login</c> and <c>audit</c>. Its <see cref="IDocSpaceLoginHistoryApi"/>,
    /// <see cref="IDocSpaceAuditTrailApi"/> and <see cref="DocSpaceReports"/> are keyed services under
    /// <paramref name="name"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The source name (1 to 63 lowercase letters, digits and hyphens), unique across every vendor's sources; events carry it as <see cref="AuditEvent.Source"/>.</param>
    /// <param name="configure">Configures the options: at least the base URL and one credential.</param>
    /// <returns>The builder of the source's <see cref="HttpClient"/>, to add handlers or configure it further.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name.</exception>
    /// <exception cref="InvalidOperationException">A source of any vendor already has <paramref name="name"/>.</exception>
    /// <remarks>
    /// The client is a source-generated Refit client (no reflection) over the named client
    /// <see cref="GetHttpClientName"/>. Its handlers put the source's credential on each request and count and log it
    /// (method, path and status only, tagged with the source name, by the core's
    /// <see cref="AuditHttpTelemetryHandler"/>). They do not retry: the source's one retry layer wraps request and
    /// parse together. The primary handler does not manage cookies (<c>UseCookies = false</c>): the session credential
    /// sets the <c>asc_auth_key</c> cookie itself, and cookies the portal sets must not leak into later requests.
    /// The source asks for a new client for every read, so handler rotation by the factory is honoured.
    /// </remarks>
    public static IHttpClientBuilder AddDocSpaceAuditSource(this IServiceCollection services, string name, Action<DocSpaceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        AuditSourceRegistration.Reserve(services, name);

        services.AddOptions<DocSpaceOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSpaceOptions>, DocSpaceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAuditSource>(sp => CreateSource(sp, name));
        services.AddKeyedTransient(name, (sp, _) => CreateReports(sp, name));

        // The audit-trail client shares the named client, and so its handlers: one credential, one telemetry.
        services.AddKeyedRefitGeneratedClient<IDocSpaceAuditTrailApi>(name, DocSpaceJsonContext.Default, settingsAction: null, GetHttpClientName(name), allowReflectionFallback: false);
        return services
            .AddKeyedRefitGeneratedClient<IDocSpaceLoginHistoryApi>(name, DocSpaceJsonContext.Default, settingsAction: null, GetHttpClientName(name), allowReflectionFallback: false)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = OptionsOf(sp, name).BaseUrl)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.All })
            .RedactLoggedHeaders(static _ => true)
            .AddHttpMessageHandler(sp => new DocSpaceCredentialHandler(CredentialResolver.Resolve(OptionsOf(sp, name)), name))
            .AddHttpMessageHandler(sp => new AuditHttpTelemetryHandler(name, sp.GetService<ILogger<AuditHttpTelemetryHandler>>()));
    }

    private static DocSpaceOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<DocSpaceOptions>>().Get(name);

    private static DocSpaceAuditSource CreateSource(IServiceProvider services, string name) => new(
        name,
        () => services.GetRequiredKeyedService<IDocSpaceLoginHistoryApi>(name),
        () => services.GetRequiredKeyedService<IDocSpaceAuditTrailApi>(name),
        OptionsOf(services, name),
        services.GetRequiredService<TimeProvider>(),
        services.GetService<ILogger<DocSpaceAuditSource>>(),
        validateConnection: true);

    private static DocSpaceReports CreateReports(IServiceProvider services, string name)
    {
        var options = OptionsOf(services, name);
        return new DocSpaceReports(services.GetRequiredKeyedService<IDocSpaceLoginHistoryApi>(name), options.BaseUrl!, services.GetRequiredService<TimeProvider>(), name)
        {
            PollInterval = options.ReportPollInterval,
        };
    }
}
