using System.Net;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>
/// Decides which services to read: real ones from flags or environment variables (a flag wins), or the simulators
/// when <c>--simulate</c> is given or nothing is configured at all. A half-configured source is an error naming
/// what is missing; credentials never appear in a message.
/// </summary>
internal sealed class SourceSettingsReader(ConsoleEnvironment environment)
{
    public ConsoleSettings Read(ParsedArguments args, ConsoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
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

        DocSpaceSettings? docSpace = null;
        if (docSpaceGiven)
        {
            docSpace = new DocSpaceSettings(Url(docSpaceUrl), Required(docSpaceToken));
        }

        ExaVaultSettings? exaVault = null;
        if (exaVaultGiven)
        {
            exaVault = new ExaVaultSettings(Url(exaVaultUrl), Required(exaVaultApiKey), Required(exaVaultAccessToken));
        }

        foreach (var source in settings.Sources)
        {
            if ((source == "docspace" && docSpace is null) || (source == "exavault" && exaVault is null))
            {
                throw new BadArgumentException(ConsoleOptions.Source, source == "docspace"
                    ? "docspace has no settings: give --docspace-url and --docspace-token (or DOCSPACE_URL and DOCSPACE_TOKEN), or --simulate."
                    : "exavault has no settings: give --exavault-url, --exavault-api-key and --exavault-access-token (or the EXAVAULT_* variables), or --simulate.");
            }
        }

        return settings with { DocSpace = docSpace, ExaVault = exaVault };
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
