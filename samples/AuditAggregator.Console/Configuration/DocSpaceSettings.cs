namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>Where a real DocSpace portal is and how to authenticate; <see cref="ToString"/> hides the token.</summary>
/// <param name="Url">The portal's address.</param>
/// <param name="Token">An API key (<c>sk-...</c>) or an OAuth2 access token.</param>
internal sealed record DocSpaceSettings(Uri Url, string Token)
{
    public override string ToString() => $"DocSpace {Url} (token redacted)";
}
