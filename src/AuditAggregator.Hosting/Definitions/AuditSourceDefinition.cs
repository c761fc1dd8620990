using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.Hosting;

/// <summary>
/// One configured account of one vendor: its source name, its address, its credential and the read settings it
/// changes from the adapter's defaults.
/// </summary>
/// <remarks>
/// Built by <see cref="AuditSourcesFile"/> or directly, and registered with
/// <see cref="AuditSourcesServiceCollectionExtensions.AddAuditSources"/>. <see cref="ToString"/> shows the name,
/// the vendor and the address, never a credential.
/// </remarks>
public abstract class AuditSourceDefinition
{
    private protected AuditSourceDefinition(string name, Uri url)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(url);
        if (!AuditSourceRegistration.IsValidName(name))
        {
            throw new ArgumentException(
                $"The audit source name '{name}' is invalid: use 1 to {AuditSourceRegistration.MaxNameLength} lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }

        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"The address of source '{name}' must be absolute.", nameof(url));
        }

        Name = name;
        Url = url;
    }

    /// <summary>
    /// Gets the source name, which events carry as <see cref="AuditEvent.Source"/>.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// Gets the vendor, which events carry as <see cref="AuditEvent.Vendor"/>: <c>docspace</c> or <c>exavault</c>.
    /// </summary>
    public abstract string Vendor { get; }

    /// <summary>
    /// Gets the address of the portal or account.
    /// </summary>
    public Uri Url { get; }

    /// <summary>
    /// Gets the number of events asked for per page, or <see langword="null"/> for the adapter's default.
    /// </summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// Gets the most pages one read of one log may fetch, or <see langword="null"/> for no limit.
    /// </summary>
    public int? MaxPages { get; init; }

    /// <summary>
    /// Gets the most requests the source starts in any one second, or <see langword="null"/> for the adapter's default.
    /// </summary>
    public int? MaxRequestsPerSecond { get; init; }

    /// <summary>
    /// Gets how many times a failed request is tried again, or <see langword="null"/> for the adapter's default.
    /// </summary>
    public int? MaxRetryAttempts { get; init; }

    /// <summary>
    /// Gets how many pages the source fetches at once, across its logs, or <see langword="null"/> for the adapter's default.
    /// </summary>
    public int? MaxConcurrentRequests { get; init; }

    /// <summary>
    /// Gets a value indicating whether each event carries the vendor's record in <see cref="AuditEvent.RawRecord"/>.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool IncludeRawRecord { get; init; }

    /// <summary>
    /// Returns the name, the vendor and the address, never a credential.
    /// </summary>
    /// <returns>For example <c>acme-docspace (docspace, https://acme.onlyoffice.eu/)</c>.</returns>
    public sealed override string ToString() =>
        $"{Name} ({Vendor}, {Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)})";

    /// <summary>
    /// Registers the source through its adapter's named registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder of the source's HTTP client.</returns>
    internal abstract IHttpClientBuilder AddTo(IServiceCollection services);

    /// <summary>
    /// Applies the settings every vendor shares to the adapter's resilience options.
    /// </summary>
    /// <param name="resilience">The source's resilience options.</param>
    private protected void ApplyResilience(Resilience.SourceResilienceOptions resilience)
    {
        if (MaxRequestsPerSecond is { } rate)
        {
            resilience.MaxRequestsPerSecond = rate;
        }

        if (MaxRetryAttempts is { } retries)
        {
            resilience.MaxRetryAttempts = retries;
        }

        if (MaxConcurrentRequests is { } concurrent)
        {
            resilience.MaxConcurrentRequests = concurrent;
        }
    }
}
