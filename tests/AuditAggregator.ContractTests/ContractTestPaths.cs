using System.Reflection;

namespace AuditAggregator.ContractTests;

/// <summary>
/// Where the contract tests find their inputs: the project folder (for the WireMock jar), the stub mappings copied
/// to the output, and the vendor documents in the shared folder beside the repository.
/// </summary>
internal static class ContractTestPaths
{
    /// <summary>Gets the folder of the test project (set at build time).</summary>
    public static string ProjectDirectory { get; } = typeof(ContractTestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ContractTests.ProjectDirectory").Value!;

    /// <summary>Gets the WireMock root folder in the test output; it holds <c>mappings/docspace</c> and <c>mappings/exavault</c>.</summary>
    public static string WireMockRoot { get; } = Path.Combine(AppContext.BaseDirectory, "wiremock");

    /// <summary>Gets the stub mapping folder of one vendor.</summary>
    public static string Mappings(string vendor) => Path.Combine(WireMockRoot, "mappings", vendor);

    /// <summary>Gets the folder of the vendor contracts (<c>shared/contracts</c> beside the repository).</summary>
    public static string ContractsDirectory { get; } = FindContracts();

    /// <summary>Gets the DocSpace OpenAPI document.</summary>
    public static string DocSpaceDocument => Path.Combine(ContractsDirectory, "docspace", "login-history.openapi.yaml");

    /// <summary>Gets the ExaVault OpenAPI document.</summary>
    public static string ExaVaultDocument => Path.Combine(ContractsDirectory, "exavault", "activity.openapi.yaml");

    /// <summary>Gets the example bodies folder.</summary>
    public static string Examples => Path.Combine(ContractsDirectory, "examples");

    /// <summary>Finds the WireMock standalone jar that <c>npm ci</c> put under <c>node_modules/wiremock/build</c>.</summary>
    public static string WireMockJar()
    {
        var build = Path.Combine(ProjectDirectory, "node_modules", "wiremock", "build");
        var jar = Directory.Exists(build) ? Directory.GetFiles(build, "wiremock-standalone-*.jar").SingleOrDefault() : null;
        return jar ?? throw new InvalidOperationException(
            $"The WireMock standalone jar is missing under {build}. Build the test project (its EnsureWireMockInstalled target runs `npm ci`), or run `npm ci` in {ProjectDirectory}; this needs Node.js and npm (`sudo apt-get install nodejs npm`).");
    }

    private static string FindContracts()
    {
        var overridden = Environment.GetEnvironmentVariable("AUDITAGGREGATOR_CONTRACTS");
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(ProjectDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "contracts");
            if (File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The vendor contracts (shared/contracts) were not found above {ProjectDirectory}. Keep the shared folder beside the repository or set AUDITAGGREGATOR_CONTRACTS.");
    }
}
