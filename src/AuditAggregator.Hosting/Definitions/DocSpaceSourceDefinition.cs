using AuditAggregator.DocSpace;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.Hosting;

/// <summary>
/// One ONLYOFFICE DocSpace portal as a named source.
/// </summary>
public sealed class DocSpaceSourceDefinition : AuditSourceDefinition
{
    /// <summary>
    /// Initializes a new instance of the <see cref="DocSpaceSourceDefinition"/> class.
    /// </summary>
    /// <param name="name">The source name (lowercase letters, digits and hyphens).</param>
    /// <param name="url">The portal's address, for example <c>https://acme.onlyoffice.eu</c>.</param>
    /// <param name="credential">The portal's credential, in any scheme the adapter supports.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid source name, or <paramref name="url"/> is relative.</exception>
    public DocSpaceSourceDefinition(string name, Uri url, DocSpaceCredential credential)
        : base(name, url)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Credential = credential;
    }

    /// <inheritdoc />
    public override string Vendor => DocSpaceSourceNames.Vendor;

    /// <summary>
    /// Gets the portal's credential; its <see cref="object.ToString"/> names the scheme only.
    /// </summary>
    public DocSpaceCredential Credential { get; }

    /// <inheritdoc />
    internal override IHttpClientBuilder AddTo(IServiceCollection services) =>
        services.AddDocSpaceAuditSource(Name, o =>
        {
            o.BaseUrl = Url;
            o.Credential = Credential;
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
