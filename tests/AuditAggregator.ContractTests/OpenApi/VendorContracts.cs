using System.Collections.Concurrent;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// The two vendor documents, loaded once per set of corrections: as published (to prove each known deviation is
/// real), corrected by exactly the deviations a stub names, or corrected by all of them.
/// </summary>
internal static class VendorContracts
{
    /// <summary>The vendor folder name of DocSpace (stub mappings, contracts).</summary>
    public const string DocSpaceVendor = "docspace";

    /// <summary>The folder name of the DocSpace audit trail (stub mappings), whose document is <c>docspace/audit-trail.openapi.yaml</c>.</summary>
    public const string DocSpaceAuditVendor = "docspace-audit";

    /// <summary>The vendor folder name of ExaVault.</summary>
    public const string ExaVaultVendor = "exavault";

    private static readonly ConcurrentDictionary<string, Lazy<OpenApiContract>> Cache = new();

    /// <summary>Gets the DocSpace document corrected by every known deviation, strict.</summary>
    public static OpenApiContract DocSpace => For(DocSpaceVendor, KnownDeviations.All);

    /// <summary>Gets the DocSpace document as published.</summary>
    public static OpenApiContract DocSpaceAsPublished => AsPublished(DocSpaceVendor);

    /// <summary>Gets the DocSpace audit-trail document corrected by every known deviation, strict.</summary>
    public static OpenApiContract DocSpaceAudit => For(DocSpaceAuditVendor, KnownDeviations.All);

    /// <summary>Gets the ExaVault document corrected by every known deviation, strict.</summary>
    public static OpenApiContract ExaVault => For(ExaVaultVendor, KnownDeviations.All);

    /// <summary>Gets the ExaVault document as published.</summary>
    public static OpenApiContract ExaVaultAsPublished => AsPublished(ExaVaultVendor);

    /// <summary>Gets a vendor's document as published: no corrections, extra properties allowed.</summary>
    public static OpenApiContract AsPublished(string vendor) =>
        Cache.GetOrAdd(vendor + "|published", _ => new Lazy<OpenApiContract>(() =>
            OpenApiContract.AsPublished($"{Title(vendor)} (as published)", Document(vendor)))).Value;

    /// <summary>Gets a vendor's document corrected by exactly <paramref name="deviations"/>, strict.</summary>
    public static OpenApiContract For(string vendor, IEnumerable<KnownDeviation> deviations)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        var corrections = deviations.Where(d => d.Vendor == vendor && d.CorrectDocument is not null).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var key = vendor + "|" + string.Join(",", corrections.Select(c => c.Id));
        return Cache.GetOrAdd(key, _ => new Lazy<OpenApiContract>(() =>
        {
            var name = corrections.Count == 0 ? Title(vendor) : $"{Title(vendor)} (corrected: {string.Join(", ", corrections.Select(c => c.Id))})";
            return OpenApiContract.Corrected(name, Document(vendor), corrections);
        })).Value;
    }

    private static string Document(string vendor) => vendor switch
    {
        DocSpaceVendor => ContractTestPaths.DocSpaceDocument,
        DocSpaceAuditVendor => ContractTestPaths.DocSpaceAuditDocument,
        ExaVaultVendor => ContractTestPaths.ExaVaultDocument,
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Unknown vendor folder."),
    };

    private static string Title(string vendor) => vendor switch
    {
        DocSpaceVendor => "DocSpace login-history.openapi.yaml",
        DocSpaceAuditVendor => "DocSpace audit-trail.openapi.yaml",
        _ => "ExaVault activity.openapi.yaml",
    };
}
