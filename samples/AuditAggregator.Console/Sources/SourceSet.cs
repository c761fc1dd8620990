using System.Globalization;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.Simulators;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Sources;

/// <summary>
/// The sources of one run, registered the way an application would (<c>AddDocSpaceAuditSource</c>,
/// <c>AddExaVaultAuditSource</c>), against real services or the in-process simulators. Disposing it stops both.
/// </summary>
internal sealed class SourceSet : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SourceSet(ServiceProvider services, IReadOnlyList<IAuditSource> sources, SimulatorEnvironment? simulators)
    {
        _services = services;
        Sources = sources;
        Simulators = simulators;
    }

    /// <summary>Gets the sources to read, at least one.</summary>
    public IReadOnlyList<IAuditSource> Sources { get; }

    /// <summary>Gets the simulators when they run, or <see langword="null"/> against real services.</summary>
    public SimulatorEnvironment? Simulators { get; }

    /// <summary>Gets the names of the sources, for notes and the comparison.</summary>
    public IReadOnlyList<string> Names => [.. Sources.Select(s => s.Name)];

    public static async Task<SourceSet> CreateAsync(ConsoleSettings settings, Instant now, TextWriter notes, CancellationToken cancellationToken)
    {
        var docSpace = settings.DocSpace;
        var exaVault = settings.ExaVault;
        SimulatorEnvironment? simulators = null;
        if (settings.Simulate)
        {
            simulators = await SimulatorEnvironment.StartAsync(
                new SimulatorEnvironmentOptions { TotalEventCount = settings.SimulatorEvents, Now = now.ToDateTimeOffset() },
                cancellationToken);
            docSpace = new DocSpaceSettings(simulators.DocSpace.BaseUri, DocSpaceCredential.DefaultApiKey);
            exaVault = new ExaVaultSettings(simulators.ExaVault.BaseUri, ExaVaultSimulatorOptions.DefaultApiKey, ExaVaultSimulatorOptions.DefaultAccessToken);
            notes.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"audit-aggregator: {(settings.SimulateForced ? "--simulate:" : "no credentials configured, so")} the built-in DocSpace and ExaVault simulators run in-process ({settings.SimulatorEvents:N0} events over 30 days; docspace {simulators.DocSpace.BaseUri}, exavault {simulators.ExaVault.BaseUri})."));
        }
        else
        {
            if (docSpace is null)
            {
                notes.WriteLine("audit-aggregator: docspace has no settings (--docspace-url/--docspace-token or DOCSPACE_URL/DOCSPACE_TOKEN); left out.");
            }

            if (exaVault is null)
            {
                notes.WriteLine("audit-aggregator: exavault has no settings (--exavault-url/--exavault-api-key/--exavault-access-token or EXAVAULT_*); left out.");
            }
        }

        var services = new ServiceCollection();
        var read = SourceSelection.Read(settings);
        if (docSpace is not null && read.Contains("docspace"))
        {
            services.AddDocSpaceAuditSource(o =>
            {
                o.BaseUrl = docSpace.Url;

                // Both kinds travel as "Authorization: Bearer"; the adapter only wants to know which it has.
                if (docSpace.Token.StartsWith("sk-", StringComparison.Ordinal))
                {
                    o.ApiKey = docSpace.Token;
                }
                else
                {
                    o.AccessToken = docSpace.Token;
                }

                // Checked against DocSpace's limit of 100 when the settings were read.
                if (settings.PageSize is { } size)
                {
                    o.PageSize = size;
                }

                if (settings.MaxPages is { } maxPages)
                {
                    o.MaxPages = maxPages;
                }
            });
        }

        if (exaVault is not null && read.Contains("exavault"))
        {
            services.AddExaVaultAuditSource(o =>
            {
                o.AccountUrl = exaVault.Url;
                o.ApiKey = exaVault.ApiKey;
                o.AccessToken = exaVault.AccessToken;
                if (settings.PageSize is { } size)
                {
                    o.PageSize = size;
                }

                if (settings.MaxPages is { } maxPages)
                {
                    o.MaxPages = maxPages;
                }
            });
        }

        var provider = services.BuildServiceProvider();
        try
        {
            // Resolving the sources validates their options (OptionsValidationException when wrong).
            return new SourceSet(provider, [.. provider.GetServices<IAuditSource>()], simulators);
        }
        catch
        {
            await provider.DisposeAsync();
            if (simulators is not null)
            {
                await simulators.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Simulators is not null)
        {
            await Simulators.DisposeAsync();
        }
    }
}
