using System.Globalization;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Checks that the filters and the page size fit the sources that will be read: a stream of a source that is not
/// read is a contradiction (it would read nothing), and a page size above a selected source's limit is refused.
/// </summary>
internal static class SourceSelection
{
    /// <summary>Gets the source a stream belongs to.</summary>
    public static string SourceOf(string stream) => stream is "login" or "audit" ? "docspace" : "exavault";

    /// <summary>Gets the sources that will be read: configured (or simulated), and included by the filters.</summary>
    public static IReadOnlyList<string> Read(ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var query = settings.Query;
        return
        [
            .. new[] { "docspace", "exavault" }.Where(source =>
                (settings.Simulate || (source == "docspace" ? settings.DocSpace is not null : settings.ExaVault is not null))
                && query.IncludesSource(source)
                && (settings.Streams.Count == 0 || settings.Streams.Any(s => SourceOf(s) == source))),
        ];
    }

    public static void Check(ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var stream in settings.Streams)
        {
            var source = SourceOf(stream);
            if (settings.Sources.Count > 0 && !settings.Sources.Contains(source))
            {
                throw new BadArgumentException(ConsoleOptions.Stream, $"{stream} is a stream of {source}, but --source {string.Join(",", settings.Sources)} leaves {source} out, so nothing would be read; drop one of the two filters.");
            }

            if (!settings.Simulate && (source == "docspace" ? settings.DocSpace is null : settings.ExaVault is null))
            {
                throw new BadArgumentException(ConsoleOptions.Stream, $"{stream} is a stream of {source}, but {source} has no settings ({Variables(source)}), so nothing would be read.");
            }
        }

        if (settings.PageSize is not { } size)
        {
            return;
        }

        foreach (var source in Read(settings))
        {
            var limit = source == "docspace" ? DocSpaceOptions.MaxPageSize : ExaVaultOptions.MaxPageSize;
            if (size > limit)
            {
                var other = source == "docspace" ? "exavault" : "docspace";
                throw new BadArgumentException(ConsoleOptions.PageSize, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{size:N0} is more than {source} allows (at most {limit:N0} events a page); give {limit:N0} or less, or read only {other} with --source {other}."));
            }
        }
    }

    private static string Variables(string source) => source == "docspace"
        ? "--docspace-url and --docspace-token, or DOCSPACE_URL and DOCSPACE_TOKEN"
        : "--exavault-url, --exavault-api-key and --exavault-access-token, or the EXAVAULT_* variables";
}
