using System.Globalization;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Picks the sources a run reads and checks that the filters fit them: <c>--source</c> names a source or a vendor,
/// a stream of a vendor that is not read is a contradiction (it would read nothing), and a page size above a
/// selected source's limit is refused.
/// </summary>
internal static class SourceSelection
{
    /// <summary>Gets the vendor a stream belongs to.</summary>
    public static string VendorOf(string stream) =>
        stream is DocSpaceSourceNames.LoginStream or "audit" ? DocSpaceSourceNames.Vendor : ExaVaultSourceNames.Vendor;

    /// <summary>Gets the name of simulated account <paramref name="account"/> of <paramref name="vendor"/>, as the simulators name it.</summary>
    public static string SimulatedName(string vendor, int account, int accounts) =>
        accounts == 1 ? vendor : string.Create(CultureInfo.InvariantCulture, $"{vendor}-{account}");

    /// <summary>Gets every source configured (or simulated), before the filters.</summary>
    public static IReadOnlyList<SourceName> Available(ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Simulate)
        {
            return [.. settings.Accounts.Select(a => new SourceName(a.Name, a.Vendor))];
        }

        var accounts = settings.SimulatorAccounts;
        return
        [
            .. Enumerable.Range(1, accounts).Select(k => new SourceName(SimulatedName(DocSpaceSourceNames.Vendor, k, accounts), DocSpaceSourceNames.Vendor)),
            .. Enumerable.Range(1, accounts).Select(k => new SourceName(SimulatedName(ExaVaultSourceNames.Vendor, k, accounts), ExaVaultSourceNames.Vendor)),
        ];
    }

    /// <summary>Gets the sources that will be read: configured (or simulated), and included by the filters.</summary>
    public static IReadOnlyList<SourceName> Read(ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. BySource(settings).Where(s => settings.Streams.Count == 0 || settings.Streams.Any(stream => VendorOf(stream) == s.Vendor))];
    }

    public static void Check(ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var available = Available(settings);
        foreach (var selector in settings.Sources.Where(s => !available.Any(a => a.Name == s || a.Vendor == s)))
        {
            throw new BadArgumentException(ConsoleOptions.Source, selector is DocSpaceSourceNames.Vendor or ExaVaultSourceNames.Vendor
                ? NoSettings(settings, selector) + (settings.SourcesFile is null ? ", or --simulate." : ".")
                : $"'{selector}' is neither a source nor a vendor; the sources are {string.Join(", ", available.Select(a => a.Name))} (vendors docspace, exavault).");
        }

        var selected = BySource(settings);
        foreach (var stream in settings.Streams)
        {
            var vendor = VendorOf(stream);
            if (settings.Sources.Count > 0 && !selected.Any(s => s.Vendor == vendor))
            {
                throw new BadArgumentException(ConsoleOptions.Stream, $"{stream} is a stream of {vendor}, but --source {string.Join(",", settings.Sources)} leaves {vendor} out, so nothing would be read; drop one of the two filters.");
            }

            if (!available.Any(s => s.Vendor == vendor))
            {
                throw new BadArgumentException(ConsoleOptions.Stream, $"{stream} is a stream of {vendor}, but {NoSettings(settings, vendor)}, so nothing would be read.");
            }
        }

        if (settings.PageSize is not { } size)
        {
            return;
        }

        foreach (var source in Read(settings))
        {
            var limit = source.Vendor == DocSpaceSourceNames.Vendor ? DocSpaceOptions.MaxPageSize : ExaVaultOptions.MaxPageSize;
            if (size > limit)
            {
                var other = source.Vendor == DocSpaceSourceNames.Vendor ? ExaVaultSourceNames.Vendor : DocSpaceSourceNames.Vendor;
                throw new BadArgumentException(ConsoleOptions.PageSize, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{size:N0} is more than {source.Name} allows (at most {limit:N0} events a page); give {limit:N0} or less, or read only {other} with --source {other}."));
            }
        }
    }

    private static List<SourceName> BySource(ConsoleSettings settings) =>
        [.. Available(settings).Where(s => settings.Sources.Count == 0 || settings.Sources.Contains(s.Name) || settings.Sources.Contains(s.Vendor))];

    private static string NoSettings(ConsoleSettings settings, string vendor) => settings.SourcesFile is { } file
        ? $"the sources file {file} has no {vendor} source"
        : vendor == DocSpaceSourceNames.Vendor
            ? "docspace has no settings: give --docspace-url and --docspace-token (or DOCSPACE_URL and DOCSPACE_TOKEN)"
            : "exavault has no settings: give --exavault-url, --exavault-api-key and --exavault-access-token (or the EXAVAULT_* variables)";
}
