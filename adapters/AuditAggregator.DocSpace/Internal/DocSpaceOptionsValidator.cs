using Microsoft.Extensions.Options;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Validates <see cref="DocSpaceOptions"/>: base URL, HTTPS, page size, limits and exactly one credential. The options'
/// name is the source's name, and every failure starts with it (<c>DocSpace source 'acme': ...</c>).
/// </summary>
internal sealed class DocSpaceOptionsValidator : IValidateOptions<DocSpaceOptions>
{
    /// <summary>
    /// Throws when the options are invalid; without <paramref name="validateConnection"/>, the base URL and the
    /// credential are not checked (a source built over a caller's API client does not use them).
    /// </summary>
    public static void ThrowIfInvalid(string source, DocSpaceOptions options, bool validateConnection = true)
    {
        var result = Validate(source, options, validateConnection);
        if (result.Failed)
        {
            throw new OptionsValidationException(source, typeof(DocSpaceOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, DocSpaceOptions options) => Validate(name, options, validateConnection: true);

    private static ValidateOptionsResult Validate(string? name, DocSpaceOptions options, bool validateConnection)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (validateConnection)
        {
            ValidateBaseUrl(options.BaseUrl, failures);
        }

        if (options.PageSize is < 1 or > DocSpaceOptions.MaxPageSize)
        {
            failures.Add($"DocSpaceOptions.PageSize must be between 1 and {DocSpaceOptions.MaxPageSize}.");
        }

        if (options.MaxPages < 1)
        {
            failures.Add("DocSpaceOptions.MaxPages must be positive.");
        }

        if (options.RememberedPages < 1)
        {
            failures.Add("DocSpaceOptions.RememberedPages must be positive.");
        }

        if (options.ReportPollInterval <= TimeSpan.Zero)
        {
            failures.Add("DocSpaceOptions.ReportPollInterval must be positive.");
        }

        ValidateResilience(options, failures);
        if (validateConnection)
        {
            ValidateCredential(options, failures);
        }

        var prefix = $"DocSpace source '{(string.IsNullOrEmpty(name) ? DocSpaceSourceNames.Source : name)}': ";
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => prefix + f));
    }

    private static void ValidateBaseUrl(Uri? url, List<string> failures)
    {
        if (url is null)
        {
            failures.Add("DocSpaceOptions.BaseUrl is required (the portal's address, e.g. https://portal.example.com).");
        }
        else if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("DocSpaceOptions.BaseUrl must be an absolute http(s) address.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            failures.Add("DocSpaceOptions.BaseUrl must use HTTPS; plain HTTP is allowed only for a loopback host.");
        }
        else if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            failures.Add("DocSpaceOptions.BaseUrl must not carry a query, a fragment or user information.");
        }
    }

    private static void ValidateResilience(DocSpaceOptions options, List<string> failures)
    {
        if (options.Resilience is null)
        {
            failures.Add("DocSpaceOptions.Resilience is required.");
            return;
        }

        try
        {
            options.Resilience.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            failures.Add($"DocSpaceOptions.Resilience is out of range: {ex.ParamName}.");
        }
    }

    private static void ValidateCredential(DocSpaceOptions options, List<string> failures)
    {
        var given = CredentialResolver.CountGiven(options);
        if (given != 1)
        {
            failures.Add(given == 0
                ? "DocSpaceOptions needs a credential: Credential, ApiKey, AccessToken, SessionToken, or Email with Password."
                : "DocSpaceOptions must carry exactly one credential, but several are set.");
            return;
        }

        if (string.IsNullOrEmpty(options.Email) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("DocSpaceOptions.Email and DocSpaceOptions.Password must be given together.");
            return;
        }

        try
        {
            CredentialResolver.Resolve(options);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"DocSpaceOptions credential is unusable ({ex.ParamName}): {ex.Message.Split(" (", 2)[0]}");
        }
    }
}
