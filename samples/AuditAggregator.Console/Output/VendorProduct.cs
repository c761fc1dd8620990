namespace AuditAggregator.ConsoleApp.Output;

/// <summary>The product and its maker behind a vendor name, as OCSF (<c>metadata.product</c>) and ECS (<c>observer</c>) name them.</summary>
/// <param name="Product">The product, for example <c>DocSpace</c>.</param>
/// <param name="Maker">The company, for example <c>ONLYOFFICE</c>.</param>
internal sealed record VendorProduct(string Product, string Maker)
{
    /// <summary>Gets the product of an event's <see cref="AuditEvent.Vendor"/> (never of its source name, which is the account's).</summary>
    public static VendorProduct Of(string vendor) => vendor switch
    {
        DocSpace.DocSpaceSourceNames.Vendor => new("DocSpace", "ONLYOFFICE"),
        ExaVault.ExaVaultSourceNames.Vendor => new("ExaVault", "ExaVault"),
        _ => new(vendor, vendor),
    };
}
