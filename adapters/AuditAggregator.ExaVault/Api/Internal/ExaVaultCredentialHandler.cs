namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Adds one source's credentials to every request, as the <c>ev-api-key</c> and <c>ev-access-token</c> headers (never
/// the URL), replacing any a caller set.
/// </summary>
internal sealed class ExaVaultCredentialHandler : DelegatingHandler
{
    private readonly string _apiKey;
    private readonly string _accessToken;

    public ExaVaultCredentialHandler(ExaVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _apiKey = options.ApiKey;
        _accessToken = options.AccessToken;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("ev-api-key");
        request.Headers.Remove("ev-access-token");
        request.Headers.TryAddWithoutValidation("ev-api-key", _apiKey);
        request.Headers.TryAddWithoutValidation("ev-access-token", _accessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
