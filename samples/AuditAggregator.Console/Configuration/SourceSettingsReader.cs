using System.Net;
using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using AuditAggregator.Hosting;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Decides which services to read: the accounts of a sources file (<c>--sources-file</c> or
/// <c>AUDIT_SOURCES_FILE</c>), or the one-account shortcut of flags and environment variables (a flag wins over its
/// variable), or the simulators when <c>--simulate</c> is given or nothing is configured at all. A half-configured
/// source is an error naming what is missing; credentials never appear in a message.
/// </summary>
internal sealed class SourceSettingsReader(ConsoleEnvironment environment)
{
    private static readonly string[] ShortcutOptions =
    [
        ConsoleOptions.DocSpaceUrl, ConsoleOptions.DocSpaceToken, ConsoleOptions.ExaVaultUrl, ConsoleOptions.ExaVaultApiKey, ConsoleOptions.ExaVaultAccessToken,
    ];

    private static readonly string[] ShortcutVariables =
    [
        EnvironmentVariables.DocSpaceUrl, EnvironmentVariables.DocSpaceToken, EnvironmentVariables.ExaVaultUrl, EnvironmentVariables.ExaVaultApiKey, EnvironmentVariables.ExaVaultAccessToken,
    ];

    public ConsoleSettings Read(ParsedArguments args, ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        if (SourcesFilePath(args) is { } file)
        {
            return ReadFile(args, settings, file);
        }

        var docSpaceUrl = Setting(args.Text(ConsoleOptions.DocSpaceUrl), EnvironmentVariables.DocSpaceUrl, ConsoleOptions.DocSpaceUrl);
        var docSpaceToken = Setting(args.Text(ConsoleOptions.DocSpaceToken), EnvironmentVariables.DocSpaceToken, ConsoleOptions.DocSpaceToken);
        var exaVaultUrl = Setting(args.Text(ConsoleOptions.ExaVaultUrl), EnvironmentVariables.ExaVaultUrl, ConsoleOptions.ExaVaultUrl);
        var exaVaultApiKey = Setting(args.Text(ConsoleOptions.ExaVaultApiKey), EnvironmentVariables.ExaVaultApiKey, ConsoleOptions.ExaVaultApiKey);
        var exaVaultAccessToken = Setting(args.Text(ConsoleOptions.ExaVaultAccessToken), EnvironmentVariables.ExaVaultAccessToken, ConsoleOptions.ExaVaultAccessToken);

        var docSpaceGiven = docSpaceUrl.Value is not null || docSpaceToken.Value is not null;
        var exaVaultGiven = exaVaultUrl.Value is not null || exaVaultApiKey.Value is not null || exaVaultAccessToken.Value is not null;
        if (settings.Simulate || (!docSpaceGiven && !exaVaultGiven))
        {
            return settings with { Simulate = true };
        }

        var accounts = new List<AuditSourceDefinition>();
        if (docSpaceGiven)
        {
            var url = Url(docSpaceUrl);
            accounts.Add(new DocSpaceSourceDefinition(DocSpaceSourceNames.Source, url, DocSpaceToken(docSpaceToken)));
        }

        if (exaVaultGiven)
        {
            var url = Url(exaVaultUrl);
            accounts.Add(new ExaVaultSourceDefinition(ExaVaultSourceNames.Source, url, Required(exaVaultApiKey), Required(exaVaultAccessToken)));
        }

        return settings with { Accounts = accounts };
    }

    private string? SourcesFilePath(ParsedArguments args) =>
        args.Text(ConsoleOptions.SourcesFile) ?? environment.Variable(EnvironmentVariables.SourcesFile);

    private ConsoleSettings ReadFile(ParsedArguments args, ConsoleSettings settings, string path)
    {
        var option = args.Text(ConsoleOptions.SourcesFile) is null ? $"{EnvironmentVariables.SourcesFile} ({ConsoleOptions.SourcesFile})" : ConsoleOptions.SourcesFile;
        if (ShortcutOptions.FirstOrDefault(o => args.Text(o) is not null) is { } shortcut)
        {
            throw new BadArgumentException(shortcut, $"configures the one-account shortcut, but {option} configures every source; leave one of the two out.");
        }

        if (settings.Simulate)
        {
            return settings;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "the file does not exist",
                UnauthorizedAccessException when Directory.Exists(path) => "is a directory; give the path of a JSON file",
                _ => $"the file cannot be read: {ex.Message.TrimEnd('.')}",
            };
            throw new BadArgumentException(option, $"'{path}': {reason}.", ex);
        }

        // Secrets come from the environment the console was given, never from the file itself.
        var file = AuditSourcesFile.Parse(json, path, environment.Variable);
        var notes = new List<string>(settings.Notes);
        notes.AddRange(file.Warnings.Select(w => w.ToString()));
        if (ShortcutVariables.Where(v => environment.Variable(v) is not null).ToList() is { Count: > 0 } ignored)
        {
            notes.Add($"{string.Join(", ", ignored)} {(ignored.Count == 1 ? "is" : "are")} ignored: the sources file {path} configures every source.");
        }

        return settings with { Accounts = file.Sources, SourcesFile = path, Notes = notes };
    }

    private NamedValue Setting(string? flag, string variable, string option)
    {
        if (flag is { } value)
        {
            return new NamedValue(option, value);
        }

        return new NamedValue($"{option} (or {variable})", environment.Variable(variable)) { FromVariable = variable };
    }

    private static string Required(NamedValue setting) =>
        setting.Value ?? throw new BadArgumentException(setting.Name, "is required for this source (the source's other settings are given).");

    private static DocSpaceCredential DocSpaceToken(NamedValue setting)
    {
        var token = Required(setting);
        try
        {
            // Both kinds travel as "Authorization: Bearer"; the adapter only wants to know which it has.
            return token.StartsWith("sk-", StringComparison.Ordinal) ? DocSpaceCredential.ApiKey(token) : DocSpaceCredential.Bearer(token);
        }
        catch (ArgumentException ex)
        {
            throw new BadArgumentException(setting.Name, "cannot be sent: it holds a line break or another character a header cannot carry.", ex);
        }
    }

    private static Uri Url(NamedValue setting)
    {
        var name = setting.FromVariable is { } variable && setting.Value is not null ? variable : setting.Name;
        var text = Required(setting);

        // An address may carry "user:password@": never echo one that could.
        var shown = text.Contains('@', StringComparison.Ordinal) ? "the address" : $"'{text}'";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new BadArgumentException(name, $"{shown} is not an absolute http(s) address such as https://portal.example.com.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new BadArgumentException(name, "the address must not carry a user name or password; use the credential options.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            throw new BadArgumentException(name, $"{shown} must use https (plain http is allowed only for a local simulator on 127.0.0.1 or localhost).");
        }

        return url;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private sealed record NamedValue(string Name, string? Value)
    {
        public string? FromVariable { get; init; }

        public override string ToString() => Name;
    }
}
