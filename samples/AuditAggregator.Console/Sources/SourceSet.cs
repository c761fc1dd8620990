using System.Globalization;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using AuditAggregator.Hosting;
using AuditAggregator.Simulators;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Sources;

/// <summary>
/// The sources of one run, registered the way an application would (<c>AddAuditSources</c>, one named source per
/// account), against real services or the in-process simulators. Disposing it stops both.
/// </summary>
internal sealed class SourceSet : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SourceSet(ServiceProvider services, IReadOnlyList<IAuditSource> sources, IReadOnlyList<SourceName> accounts, SimulatorEnvironment? simulators)
    {
        _services = services;
        Sources = sources;
        Accounts = accounts;
        Simulators = simulators;
    }

    /// <summary>Gets the sources to read, at least one.</summary>
    public IReadOnlyList<IAuditSource> Sources { get; }

    /// <summary>Gets the name and vendor of each source read, in the order they were configured.</summary>
    public IReadOnlyList<SourceName> Accounts { get; }

    /// <summary>Gets the simulators when they run, or <see langword="null"/> against real services.</summary>
    public SimulatorEnvironment? Simulators { get; }

    /// <summary>Gets the names of the sources, for notes and the comparison.</summary>
    public IReadOnlyList<string> Names => [.. Sources.Select(s => s.Name)];

    public static async Task<SourceSet> CreateAsync(ConsoleSettings settings, Instant now, TextWriter notes, CancellationToken cancellationToken)
    {
        var definitions = settings.Accounts;
        SimulatorEnvironment? simulators = null;
        if (settings.Simulate)
        {
            simulators = await SimulatorEnvironment.StartAsync(
                new SimulatorEnvironmentOptions { TotalEventCount = settings.SimulatorEvents, Now = now.ToDateTimeOffset(), Accounts = settings.SimulatorAccounts },
                cancellationToken);
            definitions = Simulated(simulators);
            notes.WriteLine(SimulatorNote(settings, simulators));
        }
        else if (settings.SourcesFile is null)
        {
            // A vendor the run does not ask for (--source names the other) is left out without a note.
            bool AskedFor(string vendor) => settings.Sources.Count == 0 || settings.Sources.Contains(vendor, StringComparer.Ordinal);
            if (AskedFor(DocSpaceSourceNames.Vendor) && !definitions.Any(d => d.Vendor == DocSpaceSourceNames.Vendor))
            {
                notes.WriteLine("audit-aggregator: docspace has no settings (--docspace-url/--docspace-token or DOCSPACE_URL/DOCSPACE_TOKEN); left out.");
            }

            if (AskedFor(ExaVaultSourceNames.Vendor) && !definitions.Any(d => d.Vendor == ExaVaultSourceNames.Vendor))
            {
                notes.WriteLine("audit-aggregator: exavault has no settings (--exavault-url/--exavault-api-key/--exavault-access-token or EXAVAULT_*); left out.");
            }
        }

        var read = SourceSelection.Read(settings).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var selected = definitions.Where(d => read.Contains(d.Name)).ToList();
        var services = new ServiceCollection();
        services.AddAuditSources(selected);
        foreach (var definition in selected)
        {
            Override(services, definition, settings);
        }

        var provider = services.BuildServiceProvider();
        try
        {
            // Resolving the sources validates their options (OptionsValidationException when wrong).
            return new SourceSet(provider, [.. provider.GetServices<IAuditSource>()], [.. selected.Select(d => new SourceName(d.Name, d.Vendor))], simulators);
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

    /// <summary>The accounts of the simulators, each with the credential only its own server accepts.</summary>
    private static List<AuditSourceDefinition> Simulated(SimulatorEnvironment simulators) =>
    [
        .. simulators.DocSpaces.Select(d => (AuditSourceDefinition)new DocSpaceSourceDefinition(
            d.Options.SourceName,
            d.BaseUri,
            DocSpace.DocSpaceCredential.ApiKey(d.Options.Credentials.First(c => c.Kind == AuditAggregator.Simulators.DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret))),
        .. simulators.ExaVaults.Select(e => new ExaVaultSourceDefinition(e.Options.SourceName, e.BaseUri, e.Options.ApiKey, e.Options.AccessToken)),
    ];

    private static string SimulatorNote(ConsoleSettings settings, SimulatorEnvironment simulators)
    {
        var why = settings.SimulateForced ? "--simulate:" : "no credentials configured, so";
        if (settings.SimulatorAccounts == 1)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"audit-aggregator: {why} the built-in DocSpace and ExaVault simulators run in-process ({settings.SimulatorEvents:N0} events over 30 days; docspace {simulators.DocSpace.BaseUri}, exavault {simulators.ExaVault.BaseUri}).");
        }

        var addresses = simulators.DocSpaces.Select(d => $"{d.Options.SourceName} {d.BaseUri}")
            .Concat(simulators.ExaVaults.Select(e => $"{e.Options.SourceName} {e.BaseUri}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"audit-aggregator: {why} the built-in simulators run in-process, {settings.SimulatorAccounts} DocSpace portals and {settings.SimulatorAccounts} ExaVault accounts ({settings.SimulatorEvents:N0} events each over 30 days; {string.Join(", ", addresses)}).");
    }

    /// <summary>Applies <c>--page-size</c> and <c>--max-pages</c> to one source, over what its definition says.</summary>
    private static void Override(ServiceCollection services, AuditSourceDefinition definition, ConsoleSettings settings)
    {
        if (settings.PageSize is null && settings.MaxPages is null)
        {
            return;
        }

        // Checked against each selected source's limit when the settings were read.
        if (definition.Vendor == DocSpaceSourceNames.Vendor)
        {
            services.Configure<DocSpaceOptions>(definition.Name, o => (o.PageSize, o.MaxPages) = (settings.PageSize ?? o.PageSize, settings.MaxPages ?? o.MaxPages));
        }
        else
        {
            services.Configure<ExaVaultOptions>(definition.Name, o => (o.PageSize, o.MaxPages) = (settings.PageSize ?? o.PageSize, settings.MaxPages ?? o.MaxPages));
        }
    }
}
