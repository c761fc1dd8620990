using AuditAggregator.ExaVault;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.Hosting;

/// <summary>
/// One ExaVault account as a named source.
/// </summary>
public sealed class ExaVaultSourceDefinition : AuditSourceDefinition
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ExaVaultSourceDefinition"/> class.
    /// </summary>
    /// <param name="name">The source name (lowercase letters, digits and hyphens).</param>
    /// <param name="url">The account's address, <c>https://{account}.exavault.com</c>.</param>
    /// <param name="apiKey">The API key, sent as <c>ev-api-key</c>.</param>
    /// <param name="accessToken">The access token, sent as <c>ev-access-token</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name, <paramref name="url"/> is relative, or a credential is empty.</exception>
    public ExaVaultSourceDefinition(string name, Uri url, string apiKey, string accessToken)
        : base(name, url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ApiKey = apiKey;
        AccessToken = accessToken;
    }

    /// <inheritdoc />
    public override string Vendor => ExaVaultSourceNames.Vendor;

    /// <summary>
    /// Gets the API key.
    /// </summary>
    public string ApiKey { get; }

    /// <summary>
    /// Gets the access token.
    /// </summary>
    public string AccessToken { get; }

    /// <summary>
    /// Gets the logs to read. Default <see cref="ExaVaultStreams.All"/>.
    /// </summary>
    public ExaVaultStreams Streams { get; init; } = ExaVaultStreams.All;

    /// <inheritdoc />
    internal override IHttpClientBuilder AddTo(IServiceCollection services) =>
        services.AddExaVaultAuditSource(Name, o =>
        {
            o.AccountUrl = Url;
            o.ApiKey = ApiKey;
            o.AccessToken = AccessToken;
            o.Streams = Streams;
            o.IncludeRawRecord = IncludeRawRecord;
            if (PageSize is { } size)
            {
                o.PageSize = size;
            }

            if (MaxPages is { } pages)
            {
                o.MaxPages = pages;
            }

            ApplyResilience(o.Resilience);
        });
}
