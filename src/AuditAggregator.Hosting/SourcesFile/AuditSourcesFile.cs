using AuditAggregator.Hosting.Internal;

namespace AuditAggregator.Hosting;

/// <summary>
/// A JSON file of named audit sources, any number per vendor, with secrets read from the environment.
/// </summary>
/// <remarks>
/// <para>The file holds <c>{"sources": [ ... ]}</c>; each source has a <c>name</c>, a <c>vendor</c>
/// (<c>docspace</c> or <c>exavault</c>), a <c>url</c>, its credential and optional read settings:</para>
/// <code>
/// { "sources": [
///     { "name": "acme-docspace", "vendor": "docspace", "url": "https://acme.onlyoffice.eu", "token": "${ACME_DOCSPACE_TOKEN}" },
///     { "name": "acme-exavault", "vendor": "exavault", "url": "https://acme.exavault.com",
///       "apiKey": "${ACME_EV_KEY}", "accessToken": "${ACME_EV_TOKEN}" } ] }
/// </code>
/// <para>A DocSpace source takes exactly one of <c>token</c> (an <c>sk-</c> API key or an access token),
/// <c>apiKey</c>, <c>accessToken</c>, <c>basic</c> (<c>"email:password"</c> or <c>{"email", "password"}</c>) and
/// <c>cookie</c> (a session token). An ExaVault source takes <c>apiKey</c> and <c>accessToken</c>, and <c>streams</c>
/// (<c>session</c>, <c>webhook</c> or both). Both take <c>pageSize</c>, <c>maxPages</c>, <c>maxRequestsPerSecond</c>,
/// <c>maxRetryAttempts</c>, <c>maxConcurrentRequests</c> and <c>includeRawRecord</c>.</para>
/// <para>Every <c>${NAME}</c> in a string is replaced by the environment variable <c>NAME</c>, read through the
/// function given, so that secrets stay out of the file. A secret written inline is allowed but gives a warning that
/// names the key. Comments and trailing commas are allowed.</para>
/// </remarks>
public sealed class AuditSourcesFile
{
    /// <summary>The environment variable that names a sources file when no option does, <c>AUDIT_SOURCES_FILE</c>.</summary>
    public const string PathVariable = "AUDIT_SOURCES_FILE";

    private AuditSourcesFile(string path, IReadOnlyList<AuditSourceDefinition> sources, IReadOnlyList<AuditSourcesFileDiagnostic> warnings)
    {
        Path = path;
        Sources = sources;
        Warnings = warnings;
    }

    /// <summary>
    /// Gets the file, as it was named.
    /// </summary>
    public string Path { get; }

    /// <summary>
    /// Gets the sources, in the file's order, at least one.
    /// </summary>
    public IReadOnlyList<AuditSourceDefinition> Sources { get; }

    /// <summary>
    /// Gets the warnings, for example a secret written inline; for the caller to show, never logged here.
    /// </summary>
    public IReadOnlyList<AuditSourcesFileDiagnostic> Warnings { get; }

    /// <summary>
    /// Reads and checks a sources file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="variables">Returns an environment variable's value, or <see langword="null"/> when it is not set.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The file's sources and warnings.</returns>
    /// <exception cref="AuditSourcesFileException">The file is missing, unreadable or wrong; the message lists every error.</exception>
    public static async Task<AuditSourcesFile> LoadAsync(string path, Func<string, string?> variables, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(variables);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist." : "the file cannot be read (" + ex.GetType().Name + ").";
            throw new AuditSourcesFileException(path, [new AuditSourcesFileDiagnostic(path, null, null, reason)], ex);
        }

        return Parse(json, path, variables);
    }

    /// <summary>
    /// Checks the text of a sources file.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="path">The file's name, for the messages.</param>
    /// <param name="variables">Returns an environment variable's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>The file's sources and warnings.</returns>
    /// <exception cref="AuditSourcesFileException">The text is wrong; the message lists every error.</exception>
    public static AuditSourcesFile Parse(string json, string path, Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(variables);
        var parser = new SourcesFileParser(path, variables);
        var sources = parser.Parse(json);
        if (parser.Errors.Count > 0)
        {
            throw new AuditSourcesFileException(path, parser.Errors);
        }

        return new AuditSourcesFile(path, sources, parser.Warnings);
    }

    /// <summary>
    /// Selects sources by name or by vendor: <c>acme-docspace</c> picks that source, <c>exavault</c> every ExaVault
    /// source (and a source named so).
    /// </summary>
    /// <param name="selectors">Names and vendors; none selects every source.</param>
    /// <returns>The selected sources, in the file's order.</returns>
    /// <exception cref="ArgumentException">A selector is neither a source's name nor a vendor of the file; the message lists the names.</exception>
    public IReadOnlyList<AuditSourceDefinition> Select(IEnumerable<string> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var wanted = selectors.ToList();
        if (wanted.Count == 0)
        {
            return Sources;
        }

        foreach (var selector in wanted.Where(s => !Sources.Any(d => d.Name == s || d.Vendor == s)))
        {
            throw new ArgumentException(
                $"{Path}: no source is named '{selector}' and no source is of vendor '{selector}'; the file's sources are {string.Join(", ", Sources.Select(s => s.Name))}.",
                nameof(selectors));
        }

        return [.. Sources.Where(d => wanted.Contains(d.Name) || wanted.Contains(d.Vendor))];
    }
}
