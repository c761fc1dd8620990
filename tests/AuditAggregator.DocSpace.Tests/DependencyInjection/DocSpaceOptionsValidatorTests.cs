using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;

namespace AuditAggregator.DocSpace.Tests.DependencyInjection;

public class DocSpaceOptionsValidatorTests
{
    private static List<string> Failures(Action<DocSpaceOptions> change)
    {
        var options = TestSetup.Options(change);
        var result = new DocSpaceOptionsValidator().Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Validate_Defaults_PageSizeIs100AndValid()
    {
        Assert.Equal(100, new DocSpaceOptions().PageSize);
        Assert.Empty(Failures(_ => { }));
    }

    [Fact]
    public void Validate_NoBaseUrl_Fails() =>
        Assert.Contains(Failures(o => o.BaseUrl = null), f => f.Contains("BaseUrl is required", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://portal.example.com")]
    [InlineData("http://10.0.0.5:8092")]
    [InlineData("ftp://portal.example.com")]
    [InlineData("https://portal.example.com/?tenant=1")]
    [InlineData("https://user:pw@portal.example.com")]
    public void Validate_InsecureOrOddBaseUrl_Fails(string url) =>
        Assert.Contains(Failures(o => o.BaseUrl = new Uri(url)), f => f.Contains("BaseUrl", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://localhost:8092")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://portal.example.com/docspace/")]
    public void Validate_HttpsOrLoopback_Passes(string url) =>
        Assert.Empty(Failures(o => o.BaseUrl = new Uri(url)));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void Validate_PageSizeOutOfRange_Fails(int size) =>
        Assert.Contains(Failures(o => o.PageSize = size), f => f.Contains("PageSize", StringComparison.Ordinal));

    [Fact]
    public void Validate_NoCredential_Fails() =>
        Assert.Contains(Failures(o => o.ApiKey = null), f => f.Contains("needs a credential", StringComparison.Ordinal));

    [Fact]
    public void Validate_TwoCredentials_Fails() =>
        Assert.Contains(Failures(o => o.SessionToken = "abc"), f => f.Contains("exactly one credential", StringComparison.Ordinal));

    [Fact]
    public void Validate_CredentialObjectAndApiKey_Fails() =>
        Assert.Contains(Failures(o => o.Credential = DocSpaceCredential.Bearer("jwt")), f => f.Contains("exactly one", StringComparison.Ordinal));

    [Fact]
    public void Validate_EmailWithoutPassword_Fails() =>
        Assert.Contains(Failures(o => { o.ApiKey = null; o.Email = "admin@example.com"; }), f => f.Contains("together", StringComparison.Ordinal));

    [Fact]
    public void Validate_UnusableCredential_FailsWithoutEchoingIt()
    {
        var failures = Failures(o => o.ApiKey = "sk-secret\nInjected: yes");

        var failure = Assert.Single(failures);
        Assert.DoesNotContain("sk-secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadResilience_Fails() =>
        Assert.Contains(Failures(o => o.Resilience.MaxRetryAttempts = -1), f => f.Contains("Resilience", StringComparison.Ordinal));

    [Fact]
    public void Validate_MaxPagesZero_Fails() =>
        Assert.Contains(Failures(o => o.MaxPages = 0), f => f.Contains("MaxPages", StringComparison.Ordinal));

    [Fact]
    public void Validate_EveryFailure_NamesTheSource()
    {
        var result = new DocSpaceOptionsValidator().Validate("acme-docspace", TestSetup.Options(o => { o.BaseUrl = null; o.PageSize = 0; }));

        Assert.Equal(2, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.StartsWith("DocSpace source 'acme-docspace': DocSpaceOptions.", f, StringComparison.Ordinal));
    }

    [Fact]
    public void SourceConstructor_InvalidReadSettings_Throws()
    {
        var options = TestSetup.Options(o => o.PageSize = 0);

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new DocSpaceAuditSource(new HandWrittenApi([]), options));

        Assert.Contains(ex.Failures, f => f.Contains("'docspace'", StringComparison.Ordinal) && f.Contains("PageSize", StringComparison.Ordinal));
    }

    [Fact]
    public void SourceConstructor_OverACallersApi_NeedsNoBaseUrlOrCredential()
    {
        var source = new DocSpaceAuditSource("portal-2", new HandWrittenApi([]), new DocSpaceOptions());

        Assert.Equal("portal-2", source.Name);
    }

    [Theory]
    [InlineData("Portal")]
    [InlineData("")]
    [InlineData("a b")]
    public void SourceConstructor_InvalidName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new DocSpaceAuditSource(name, new HandWrittenApi([]), new DocSpaceOptions()));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
    }
}
