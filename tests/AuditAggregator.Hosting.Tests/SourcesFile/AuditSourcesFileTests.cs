using AuditAggregator.DocSpace;
using AuditAggregator.ExaVault;
using static AuditAggregator.Hosting.Tests.SourcesFile.SourcesJson;

namespace AuditAggregator.Hosting.Tests.SourcesFile;

public class AuditSourcesFileTests
{
    private const string IssueExample = """
        { "sources": [
            { "name": "acme-docspace", "vendor": "docspace", "url": "https://acme.onlyoffice.eu",
              "token": "${ACME_DOCSPACE_TOKEN}" },
            { "name": "acme-exavault", "vendor": "exavault", "url": "https://acme.exavault.com",
              "apiKey": "${ACME_EV_KEY}", "accessToken": "${ACME_EV_TOKEN}" } ] }
        """;

    [Fact]
    public void Parse_TheDocumentedExample_ReadsBothSourcesWithSecretsFromTheEnvironment()
    {
        var file = Parse(IssueExample);

        Assert.Equal(["acme-docspace", "acme-exavault"], file.Sources.Select(s => s.Name));
        Assert.Equal(["docspace", "exavault"], file.Sources.Select(s => s.Vendor));
        var docSpace = Assert.IsType<DocSpaceSourceDefinition>(file.Sources[0]);
        Assert.Equal(new Uri("https://acme.onlyoffice.eu"), docSpace.Url);
        Assert.Equal(DocSpaceCredentialKind.ApiKey, docSpace.Credential.Kind);
        var exaVault = Assert.IsType<ExaVaultSourceDefinition>(file.Sources[1]);
        Assert.Equal("acme-ev-key-secret", exaVault.ApiKey);
        Assert.Equal("acme-ev-token-secret", exaVault.AccessToken);
        Assert.Equal(ExaVaultStreams.All, exaVault.Streams);
        Assert.Empty(file.Warnings);
        Assert.Equal(FileName, file.Path);
    }

    [Theory]
    [InlineData("\"token\": \"${T}\"", "sk-123", DocSpaceCredentialKind.ApiKey)]
    [InlineData("\"token\": \"${T}\"", "eyJ.oauth.token", DocSpaceCredentialKind.Bearer)]
    [InlineData("\"apiKey\": \"${T}\"", "sk-123", DocSpaceCredentialKind.ApiKey)]
    [InlineData("\"accessToken\": \"${T}\"", "eyJ.oauth.token", DocSpaceCredentialKind.Bearer)]
    [InlineData("\"basic\": \"auditor@acme.example:${T}\"", "pa:ss", DocSpaceCredentialKind.Basic)]
    [InlineData("\"basic\": { \"email\": \"auditor@acme.example\", \"password\": \"${T}\" }", "pass", DocSpaceCredentialKind.Basic)]
    [InlineData("\"cookie\": \"${T}\"", "session-token", DocSpaceCredentialKind.SessionCookie)]
    public void Parse_EachDocSpaceScheme_HasItsKey(string credential, string secret, DocSpaceCredentialKind kind)
    {
        var file = Parse(File(DocSpaceEntry(credential)), new Dictionary<string, string> { ["T"] = secret });

        Assert.Equal(kind, Assert.IsType<DocSpaceSourceDefinition>(Assert.Single(file.Sources)).Credential.Kind);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void Parse_PerSourceSettings_AreCarriedOnTheDefinition()
    {
        var file = Parse(File(
            DocSpaceEntry("\"token\": \"${ACME_DOCSPACE_TOKEN}\", \"pageSize\": 50, \"maxPages\": 7, \"maxRequestsPerSecond\": 3, \"maxRetryAttempts\": 0, \"maxConcurrentRequests\": 3, \"includeRawRecord\": true"),
            ExaVaultEntry("\"apiKey\": \"${ACME_EV_KEY}\", \"accessToken\": \"${ACME_EV_TOKEN}\", \"pageSize\": \"${PAGE}\", \"streams\": [\"webhook\"]")),
            new Dictionary<string, string>(Variables()) { ["PAGE"] = "2500" });

        var docSpace = file.Sources[0];
        Assert.Equal((50, 7, 3, 0, 3, true), (docSpace.PageSize, docSpace.MaxPages, docSpace.MaxRequestsPerSecond, docSpace.MaxRetryAttempts, docSpace.MaxConcurrentRequests, docSpace.IncludeRawRecord));
        var exaVault = Assert.IsType<ExaVaultSourceDefinition>(file.Sources[1]);
        Assert.Equal(2500, exaVault.PageSize);
        Assert.Null(exaVault.MaxPages);
        Assert.Null(exaVault.MaxConcurrentRequests);
        Assert.Equal(ExaVaultStreams.Webhook, exaVault.Streams);
        Assert.False(exaVault.IncludeRawRecord);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAllowed()
    {
        var file = Parse("""
            // Two accounts.
            { "sources": [ { "name": "a", "vendor": "docspace", "url": "http://127.0.0.1:5000", "token": "${ACME_DOCSPACE_TOKEN}", }, ], }
            """);

        Assert.Equal("a", Assert.Single(file.Sources).Name);
    }

    [Fact]
    public void Parse_ManyAccountsOfOneVendor_KeepsTheFileOrder()
    {
        var file = Parse(File(DocSpaceEntry(name: "portal-1"), DocSpaceEntry(name: "portal-2"), ExaVaultEntry(name: "ev-1"), ExaVaultEntry(name: "ev-2")));

        Assert.Equal(["portal-1", "portal-2", "ev-1", "ev-2"], file.Sources.Select(s => s.Name));
    }

    [Fact]
    public async Task LoadAsync_AFileOnDisk_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sources-{Guid.NewGuid():N}.json");
        await System.IO.File.WriteAllTextAsync(path, IssueExample);
        try
        {
            var env = Variables();
            var file = await AuditSourcesFile.LoadAsync(path, name => env.GetValueOrDefault(name));

            Assert.Equal(2, file.Sources.Count);
            Assert.Equal(path, file.Path);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task LoadAsync_MissingFile_FailsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var ex = await Assert.ThrowsAsync<AuditSourcesFileException>(() => AuditSourcesFile.LoadAsync(path, _ => null));

        Assert.Equal($"{path}: the file does not exist.", ex.Message);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void Select_ByNameOrByVendor_KeepsTheFileOrder()
    {
        var file = Parse(File(DocSpaceEntry(name: "portal-1"), ExaVaultEntry(name: "ev-1"), DocSpaceEntry(name: "portal-2"), ExaVaultEntry(name: "ev-2")));

        Assert.Equal(["portal-1", "ev-1", "portal-2", "ev-2"], file.Select([]).Select(s => s.Name));
        Assert.Equal(["portal-1", "portal-2"], file.Select(["docspace"]).Select(s => s.Name));
        Assert.Equal(["ev-1", "portal-2"], file.Select(["portal-2", "ev-1"]).Select(s => s.Name));
    }

    [Fact]
    public void Select_UnknownName_FailsListingTheNames()
    {
        var file = Parse(File(DocSpaceEntry(name: "portal-1"), ExaVaultEntry(name: "ev-1")));

        var ex = Assert.Throws<ArgumentException>(() => file.Select(["portal-9"]));

        Assert.StartsWith("sources.json: no source is named 'portal-9' and no source is of vendor 'portal-9'; the file's sources are portal-1, ev-1.", ex.Message, StringComparison.Ordinal);
    }
}
