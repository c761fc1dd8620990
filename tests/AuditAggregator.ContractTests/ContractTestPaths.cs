namespace AuditAggregator.ContractTests;

/// <summary>
/// Where the contract tests find their inputs, all inside the repository and copied to the test output: the stub
/// mappings (<c>Mappings/{vendor}</c>) and the vendor documents with their example bodies (<c>Contracts/</c>).
/// </summary>
internal static class ContractTestPaths
{
    /// <summary>The environment variable that points the tests at another folder of vendor contracts.</summary>
    public const string ContractsVariable = "AUDITAGGREGATOR_CONTRACTS";

    /// <summary>Gets the stub mapping folder of one vendor.</summary>
    public static string Mappings(string vendor) => Path.Combine(AppContext.BaseDirectory, "Mappings", vendor);

    /// <summary>
    /// Gets the folder of the vendor contracts: the repository's <c>Contracts/</c> as copied to the output, or the
    /// folder named by <see cref="ContractsVariable"/>.
    /// </summary>
    public static string ContractsDirectory { get; } = FindContracts();

    /// <summary>Gets the DocSpace OpenAPI document.</summary>
    public static string DocSpaceDocument => Path.Combine(ContractsDirectory, "docspace", "login-history.openapi.yaml");

    /// <summary>Gets the DocSpace audit-trail OpenAPI document.</summary>
    public static string DocSpaceAuditDocument => Path.Combine(ContractsDirectory, "docspace", "audit-trail.openapi.yaml");

    /// <summary>Gets the ExaVault OpenAPI document.</summary>
    public static string ExaVaultDocument => Path.Combine(ContractsDirectory, "exavault", "activity.openapi.yaml");

    /// <summary>Gets the example bodies folder.</summary>
    public static string Examples => Path.Combine(ContractsDirectory, "examples");

    private static string FindContracts()
    {
        var overridden = Environment.GetEnvironmentVariable(ContractsVariable);
        var folder = string.IsNullOrEmpty(overridden) ? Path.Combine(AppContext.BaseDirectory, "Contracts") : overridden;
        if (!Directory.Exists(Path.Combine(folder, "docspace")) || !Directory.Exists(Path.Combine(folder, "exavault")))
        {
            throw new InvalidOperationException(string.IsNullOrEmpty(overridden)
                ? $"The vendor contracts are missing from the test output ({folder}); the project copies Contracts/** there on build."
                : $"{ContractsVariable} points at {folder}, which holds no docspace/ and exavault/ folders.");
        }

        return folder;
    }
}
