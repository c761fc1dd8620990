namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>The environment variables that configure real services; a flag wins over its variable.</summary>
internal static class EnvironmentVariables
{
    public const string DocSpaceUrl = "DOCSPACE_URL";

    public const string DocSpaceToken = "DOCSPACE_TOKEN";

    public const string ExaVaultUrl = "EXAVAULT_URL";

    public const string ExaVaultApiKey = "EXAVAULT_API_KEY";

    public const string ExaVaultAccessToken = "EXAVAULT_ACCESS_TOKEN";

    /// <summary>The sources file, when <c>--sources-file</c> is not given.</summary>
    public const string SourcesFile = Hosting.AuditSourcesFile.PathVariable;
}
