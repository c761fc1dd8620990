namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>Where a real ExaVault account is and its two credentials; <see cref="ToString"/> hides them.</summary>
/// <param name="Url">The account's address, <c>https://{account}.exavault.com</c>.</param>
/// <param name="ApiKey">The <c>ev-api-key</c>.</param>
/// <param name="AccessToken">The <c>ev-access-token</c>.</param>
internal sealed record ExaVaultSettings(Uri Url, string ApiKey, string AccessToken)
{
    public override string ToString() => $"ExaVault {Url} (credentials redacted)";
}
