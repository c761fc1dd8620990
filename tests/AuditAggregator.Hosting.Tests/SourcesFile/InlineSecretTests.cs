using static AuditAggregator.Hosting.Tests.SourcesFile.SourcesJson;

namespace AuditAggregator.Hosting.Tests.SourcesFile;

/// <summary>A secret written inline is allowed, with a warning that names the key and never the value.</summary>
public class InlineSecretTests
{
    [Theory]
    [InlineData("\"token\": \"sk-inline-secret\"", "token")]
    [InlineData("\"cookie\": \"inline-secret\"", "cookie")]
    [InlineData("\"basic\": \"auditor@acme.example:inline-secret\"", "basic")]
    [InlineData("\"basic\": { \"email\": \"auditor@acme.example\", \"password\": \"inline-secret\" }", "basic.password")]
    public void Parse_InlineDocSpaceSecret_WarnsNamingTheKey(string credential, string key)
    {
        var file = Parse(File(DocSpaceEntry(credential)));

        var warning = Assert.Single(file.Warnings);
        Assert.Equal(("sources.json", "acme", key), (warning.FilePath, warning.Source, warning.Key));
        Assert.DoesNotContain("inline-secret", warning.ToString(), StringComparison.Ordinal);
        Assert.Single(file.Sources);
    }

    [Fact]
    public void Parse_InlineExaVaultSecrets_WarnForEachKey()
    {
        var file = Parse(File(ExaVaultEntry("\"apiKey\": \"inline-secret-1\", \"accessToken\": \"inline-secret-2\"")));

        Assert.Equal(["apiKey", "accessToken"], file.Warnings.Select(w => w.Key));
        Assert.All(file.Warnings, w => Assert.DoesNotContain("inline-secret", w.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InlineUrlOrEmail_IsNoSecret()
    {
        var file = Parse(File(DocSpaceEntry("\"basic\": { \"email\": \"auditor@acme.example\", \"password\": \"${ACME_EV_KEY}\" }")));

        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void Definitions_ToString_ShowNoSecret()
    {
        var file = Parse(File(DocSpaceEntry("\"basic\": \"auditor@acme.example:${T}\""), ExaVaultEntry()), new Dictionary<string, string>(Variables()) { ["T"] = "pw-secret" });

        Assert.Equal("acme (docspace, https://acme.example.com/)", file.Sources[0].ToString());
        Assert.Equal("acme-ev (exavault, https://acme.exavault.com/)", file.Sources[1].ToString());
        Assert.All(file.Sources, s => Assert.DoesNotContain("secret", s.ToString(), StringComparison.Ordinal));
    }
}
