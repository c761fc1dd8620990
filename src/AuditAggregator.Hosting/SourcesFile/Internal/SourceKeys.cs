using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;

namespace AuditAggregator.Hosting.Internal;

/// <summary>
/// The keys a source of each vendor takes in a sources file.
/// </summary>
internal static class SourceKeys
{
    public const string Name = "name";
    public const string Vendor = "vendor";
    public const string Url = "url";
    public const string PageSize = "pageSize";
    public const string MaxPages = "maxPages";
    public const string MaxRequestsPerSecond = "maxRequestsPerSecond";
    public const string MaxRetryAttempts = "maxRetryAttempts";
    public const string MaxConcurrentRequests = "maxConcurrentRequests";
    public const string IncludeRawRecord = "includeRawRecord";
    public const string Token = "token";
    public const string ApiKey = "apiKey";
    public const string AccessToken = "accessToken";
    public const string Basic = "basic";
    public const string Cookie = "cookie";
    public const string Streams = "streams";

    /// <summary>The vendors a file may name.</summary>
    public static readonly IReadOnlyList<string> Vendors = [DocSpaceSourceNames.Vendor, ExaVaultSourceNames.Vendor];

    /// <summary>The keys that pick a DocSpace credential; exactly one is given.</summary>
    public static readonly IReadOnlyList<string> DocSpaceCredentials = [Token, ApiKey, AccessToken, Basic, Cookie];

    private static readonly string[] Common = [Name, Vendor, Url, PageSize, MaxPages, MaxRequestsPerSecond, MaxRetryAttempts, MaxConcurrentRequests, IncludeRawRecord];

    private static readonly string[] DocSpaceKeys = [.. Common, .. DocSpaceCredentials];

    private static readonly string[] ExaVaultKeys = [.. Common, ApiKey, AccessToken, Streams];

    /// <summary>Gets the keys a source of <paramref name="vendor"/> takes, or every vendor's keys when it is unknown.</summary>
    public static IReadOnlyList<string> Of(string? vendor) => vendor switch
    {
        DocSpaceSourceNames.Vendor => DocSpaceKeys,
        ExaVaultSourceNames.Vendor => ExaVaultKeys,
        _ => [.. DocSpaceKeys.Union(ExaVaultKeys)],
    };

    /// <summary>Gets the largest page a vendor serves.</summary>
    public static int MaxPageSize(string vendor) =>
        vendor == DocSpaceSourceNames.Vendor ? DocSpaceOptions.MaxPageSize : ExaVaultOptions.MaxPageSize;
}
