using static AuditAggregator.Hosting.Tests.SourcesFile.SourcesJson;

namespace AuditAggregator.Hosting.Tests.SourcesFile;

/// <summary>Every error names the file, the source and the key, and none repeats a secret.</summary>
public class AuditSourcesFileErrorTests
{
    [Fact]
    public void Parse_UnknownVendor_NamesTheSourceAndKey()
    {
        var ex = Fails(File(Source("dropbox", "\"token\": \"${ACME_DOCSPACE_TOKEN}\"")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("sources.json", "acme", "vendor"), (error.FilePath, error.Source, error.Key));
        Assert.Equal("sources.json: source 'acme', key 'vendor': 'dropbox' is not a vendor this version reads; use docspace or exavault.", ex.Message);
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheKeyAndTheKeysThereAre()
    {
        var ex = Fails(File(DocSpaceEntry("\"token\": \"${ACME_DOCSPACE_TOKEN}\", \"pagesize\": 10")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("acme", "pagesize"), (error.Source, error.Key));
        Assert.StartsWith("is not a key of a docspace source; it takes name, vendor, url,", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AKeyOfTheOtherVendor_IsUnknown()
    {
        var ex = Fails(File(ExaVaultEntry("\"apiKey\": \"${ACME_EV_KEY}\", \"accessToken\": \"${ACME_EV_TOKEN}\", \"cookie\": \"${ACME_EV_KEY}\"")));

        Assert.Equal(("acme-ev", "cookie"), (ex.Errors[0].Source, ex.Errors[0].Key));
    }

    [Fact]
    public void Parse_MissingVariable_NamesTheVariableSourceAndKey()
    {
        var ex = Fails(File(DocSpaceEntry("\"token\": \"${NOT_SET}\"")));

        Assert.Equal("sources.json: source 'acme', key 'token': the environment variable NOT_SET is not set (or is empty).", ex.Message);
    }

    [Fact]
    public void Parse_EmptyVariable_CountsAsMissing()
    {
        var ex = Fails(File(DocSpaceEntry("\"token\": \"${EMPTY}\"")), new Dictionary<string, string> { ["EMPTY"] = string.Empty });

        Assert.Contains("EMPTY is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryMissingVariable_IsReportedInOneGo()
    {
        var ex = Fails(File(
            DocSpaceEntry("\"token\": \"${P1_TOKEN}\"", name: "p1"),
            ExaVaultEntry("\"apiKey\": \"${E1_KEY}\", \"accessToken\": \"${E1_TOKEN}\"", name: "e1")));

        Assert.Equal([("p1", "token"), ("e1", "apiKey"), ("e1", "accessToken")], ex.Errors.Select(e => (e.Source, e.Key)));
    }

    [Fact]
    public void Parse_UnclosedReference_IsAnErrorThatDoesNotQuoteTheValue()
    {
        var ex = Fails(File(DocSpaceEntry("\"token\": \"sk-inline-secret${OOPS\"")));

        Assert.Equal("sources.json: source 'acme', key 'token': has '${' without a closing '}'.", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateName_NamesBothPositions()
    {
        var ex = Fails(File(DocSpaceEntry(name: "acme"), ExaVaultEntry(name: "acme")));

        Assert.Equal("sources.json: source 'acme', key 'name': is used by source #1 and #2; every source needs a name of its own, across vendors.", ex.Message);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme_docspace")]
    [InlineData("-acme")]
    [InlineData("")]
    public void Parse_InvalidName_NamesThePosition(string name)
    {
        var ex = Fails(File(DocSpaceEntry(name: name)));

        var error = ex.Errors[0];
        Assert.Equal(("#1", "name"), (error.Source, error.Key));
    }

    [Fact]
    public void Parse_PlainHttpToARemoteHost_IsRefused()
    {
        var ex = Fails(File(DocSpaceEntry(url: "http://acme.onlyoffice.eu")));

        Assert.Equal("sources.json: source 'acme', key 'url': uses plain http to acme.onlyoffice.eu, which would send the credential unencrypted; use https (plain http only to a loopback address such as 127.0.0.1).", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Parse_PlainHttpToLoopback_IsAllowed(string url) =>
        Assert.Equal(new Uri(url), Assert.Single(Parse(File(ExaVaultEntry(url: url))).Sources).Url);

    [Fact]
    public void Parse_AddressWithAPassword_IsRefusedWithoutQuotingIt()
    {
        var ex = Fails(File(DocSpaceEntry(url: "https://me:hunter2@acme.example.com")));

        Assert.Equal(("acme", "url"), (ex.Errors[0].Source, ex.Errors[0].Key));
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoCredential_ListsTheKeysThatGiveOne()
    {
        var ex = Fails(File(DocSpaceEntry(string.Empty)));

        Assert.Equal("sources.json: source 'acme': needs a credential: one of token, apiKey, accessToken, basic, cookie.", ex.Message);
    }

    [Fact]
    public void Parse_TwoCredentials_AreRefused()
    {
        var ex = Fails(File(DocSpaceEntry("\"token\": \"${ACME_DOCSPACE_TOKEN}\", \"cookie\": \"${ACME_EV_KEY}\"")));

        Assert.Equal("sources.json: source 'acme': has 2 credentials (token, cookie); give exactly one.", ex.Message);
    }

    [Fact]
    public void Parse_ExaVaultWithoutAccessToken_NamesTheKey()
    {
        var ex = Fails(File(ExaVaultEntry("\"apiKey\": \"${ACME_EV_KEY}\"")));

        Assert.Equal("sources.json: source 'acme-ev', key 'accessToken': is required.", ex.Message);
    }

    [Theory]
    [InlineData("docspace", 101)]
    [InlineData("exavault", 10_001)]
    [InlineData("exavault", 0)]
    public void Parse_PageSizeOutsideTheVendorsRange_IsRefused(string vendor, int pageSize)
    {
        var source = vendor == "docspace"
            ? DocSpaceEntry($"\"token\": \"${{ACME_DOCSPACE_TOKEN}}\", \"pageSize\": {pageSize}")
            : ExaVaultEntry($"\"apiKey\": \"${{ACME_EV_KEY}}\", \"accessToken\": \"${{ACME_EV_TOKEN}}\", \"pageSize\": {pageSize}");

        var error = Assert.Single(Fails(File(source)).Errors);

        Assert.Equal("pageSize", error.Key);
        Assert.StartsWith($"must be a page size; {vendor} serves at most", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidJson_NamesThePlaceButNotTheText()
    {
        var ex = Fails("""{ "sources": [ { "name": "a", "token": sk-secret-value } ] }""");

        Assert.StartsWith("sources.json: is not valid JSON (line 1, byte ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{ "sources": [] }""")]
    [InlineData("""{ "sources": {} }""")]
    [InlineData("""{ "accounts": [] }""")]
    public void Parse_WrongShape_IsAnErrorAboutTheFile(string json)
    {
        var ex = Fails(json);

        Assert.All(ex.Errors, e => Assert.Null(e.Source));
    }

    [Fact]
    public void Parse_SecretThatCannotBeAHeader_IsRefusedWithoutQuotingIt()
    {
        var ex = Fails(File(DocSpaceEntry("\"cookie\": \"${T}\"")), new Dictionary<string, string> { ["T"] = "abc;def-secret" });

        Assert.Equal(("acme", "cookie"), (ex.Errors[0].Source, ex.Errors[0].Key));
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }
}
