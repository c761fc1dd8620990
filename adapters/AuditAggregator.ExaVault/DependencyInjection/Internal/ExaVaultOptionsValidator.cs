using System.Net;
using Microsoft.Extensions.Options;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Validates the <see cref="ExaVaultOptions"/> of one named source at start-up. Messages name the source and the
/// option, never its secret value.
/// </summary>
internal sealed class ExaVaultOptionsValidator(string sourceName) : IValidateOptions<ExaVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, ExaVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(name, sourceName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        CheckUrl(options.AccountUrl, failures);
        CheckSecret(options.ApiKey, nameof(options.ApiKey), failures);
        CheckSecret(options.AccessToken, nameof(options.AccessToken), failures);
        if (options.Streams == ExaVaultStreams.None || (options.Streams & ~ExaVaultStreams.All) != 0)
        {
            failures.Add("ExaVaultOptions.Streams must name Session, Webhook or both.");
        }

        if (options.PageSize is < 1 or > ExaVaultOptions.MaxPageSize)
        {
            failures.Add($"ExaVaultOptions.PageSize must be between 1 and {ExaVaultOptions.MaxPageSize}.");
        }

        if (options.MaxPages < 1)
        {
            failures.Add("ExaVaultOptions.MaxPages must be positive.");
        }

        if (options.MaxConnectionsPerSecond < 1)
        {
            failures.Add("ExaVaultOptions.MaxConnectionsPerSecond must be at least 1.");
        }

        if (options.StopBelow < 1 || options.SlowDownBelow < options.StopBelow)
        {
            failures.Add("ExaVaultOptions.StopBelow must be at least 1, and SlowDownBelow at least StopBelow.");
        }

        CheckResilience(options, failures);
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"ExaVault source '{sourceName}': {f}"));
    }

    private static void CheckUrl(Uri? url, List<string> failures)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            failures.Add("ExaVaultOptions.AccountUrl is required: the absolute address https://{account}.exavault.com.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)))
        {
            failures.Add("ExaVaultOptions.AccountUrl must use HTTPS (plain HTTP only to a loopback address), since every request carries the credentials.");
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static void CheckSecret(string? value, string option, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"ExaVaultOptions.{option} is required.");
        }
        else if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            failures.Add($"ExaVaultOptions.{option} contains white space or control characters; it cannot be sent as a header.");
        }
    }

    private static void CheckResilience(ExaVaultOptions options, List<string> failures)
    {
        if (options.Resilience is null)
        {
            failures.Add("ExaVaultOptions.Resilience is required.");
            return;
        }

        try
        {
            options.Resilience.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            failures.Add($"ExaVaultOptions.Resilience.{ex.ParamName} is out of range.");
        }

        if (options.MaxSlowDownDelay < TimeSpan.Zero || options.MaxSlowDownDelay >= options.Resilience.AttemptTimeout)
        {
            failures.Add("ExaVaultOptions.MaxSlowDownDelay must be zero or more and shorter than Resilience.AttemptTimeout, which it counts against.");
        }
    }
}
